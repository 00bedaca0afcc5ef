/* mosty timeline: the filters are links to pre-rendered pages; this loads them in place
   (the very HTML the server made), keeps the address shareable with history.pushState and
   the focus on the chosen filter. No dependencies; without it the links simply navigate. */
(function (W, D) {
 var H = W.history;
 function current() { // a strip that scrolls sideways shows its chosen chip
  D.querySelectorAll(".tl-filters .chips").forEach(function (l) {
   var a = l.querySelector("[aria-current]");
   if (a && l.scrollWidth > l.clientWidth) l.scrollLeft = a.offsetLeft - l.offsetLeft - (l.clientWidth - a.offsetWidth) / 2;
  });
 }
 function load(url, push) {
  var r = D.getElementById("tl-results");
  if (r) r.setAttribute("aria-busy", "true");
  fetch(url).then(function (res) {
   if (!res.ok) throw 0;
   return res.text();
  }).then(function (html) {
   var doc = new DOMParser().parseFromString(html, "text/html"), y = W.scrollY, a;
   // Icons, canonical and alternates follow the new page (hrefs are relative to it).
   D.querySelectorAll("head link:not([rel=stylesheet])").forEach(function (l) { l.remove(); });
   doc.querySelectorAll("head link:not([rel=stylesheet])").forEach(function (l) {
    l.href = new URL(l.getAttribute("href"), url);
    D.head.append(D.adoptNode(l));
   });
   if (push) H.pushState(null, "", url);
   D.title = doc.title;
   D.body.replaceWith(D.adoptNode(doc.body));
   W.scrollTo(0, y);
   current();
   a = [].filter.call(D.querySelectorAll(".tl-filters a"), function (x) { return x.href == url; })[0];
   if (a) a.focus({ preventScroll: true });
   r = D.getElementById("tl-results");
   if (r && r.getBoundingClientRect().top < 0) r.scrollIntoView();
  }).catch(function () { location.href = url; });
 }
 if (W.fetch && W.DOMParser && H.pushState) {
  D.addEventListener("click", function (e) {
   var a = e.target.closest && e.target.closest(".tl-filters a:not([type])");
   if (!a || e.defaultPrevented || e.button || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
   e.preventDefault();
   if (a.href != location.href) load(a.href, true);
  });
  W.addEventListener("popstate", function () { load(location.href, false); });
 }
 current();
})(window, document);
