/* mosty map zoom/pan, no dependencies; the SVG works without it.
   [data-xy] keep their size (or grow to it), [data-fixed] stay put. */
(function (M, D) {
var MAX = 8, STEP = 1.6;
function nums(s) { return s.split(" ").map(Number); }
function init(svg) {
 var vb = nums(svg.getAttribute("viewBox")), W = vb[2], H = vb[3], z = 1, cx = W / 2, cy = H / 2,
  pts = {}, n = 0, moved = 0, on = svg.addEventListener.bind(svg), cl = svg.classList,
  cs = svg.querySelectorAll("[data-xy]"), fx = svg.querySelectorAll("[data-fixed]"),
  xy = [].map.call(cs, function (e) { return nums(e.getAttribute("data-xy")); }),
  wrap = D.createElement("div"), ctl = D.createElement("div");
 wrap.className = "mosty-map-wrap";
 ctl.className = "mosty-map-ctl";
 svg.before(wrap);
 wrap.append(svg, ctl);
 function button(key, txt, f) {
  var b = D.createElement("button"), l = svg.getAttribute("data-" + key) || txt;
  b.type = "button"; b.textContent = txt; b.title = l; b.onclick = f;
  b.setAttribute("aria-label", l);
  return ctl.appendChild(b);
 }
 function mx(e, k, x, y) { e.setAttribute("transform", z == 1 ? "" : "matrix(" + [k, 0, 0, k, x, y] + ")"); }
 function apply() {
  // Markers and labels keep their size on screen, except on a map shown smaller than
  // drawn (a phone): there they grow with the zoom until they reach the drawn size.
  var w = W / z, h = H / z, k = 1 / z, r = svg.getBoundingClientRect().width,
   s = r ? M.max(k, M.min(1, W / r * k)) : k, i;
  cx = M.min(M.max(cx, w / 2), W - w / 2);
  cy = M.min(M.max(cy, h / 2), H - h / 2);
  svg.setAttribute("viewBox", [cx - w / 2, cy - h / 2, w, h].join(" "));
  for (i = 0; i < cs.length; i++) mx(cs[i], s, xy[i][0] * (1 - s), xy[i][1] * (1 - s));
  for (i = 0; i < fx.length; i++) mx(fx[i], k, cx - w / 2, cy - h / 2);
  cl.toggle("mm-zoomed", z > 1);
  bOut.disabled = bReset.disabled = z == 1;
  bIn.disabled = z >= MAX;
 }
 function zoom(f, p) {
  var nz = M.min(MAX, M.max(1, z * f));
  p = p || [cx, cy];
  cx = p[0] + (cx - p[0]) * z / nz;
  cy = p[1] + (cy - p[1]) * z / nz;
  z = nz;
  apply();
 }
 function user(q) {
  var r = svg.getBoundingClientRect();
  return [cx + ((q[0] - r.left) / r.width - .5) * W / z, cy + ((q[1] - r.top) / r.height - .5) * H / z];
 }
 var bIn = button("zoom-in", "+", function () { zoom(STEP); }),
  bOut = button("zoom-out", "\u2212", function () { zoom(1 / STEP); }),
  bReset = button("reset", "\u21ba", function () { zoom(0); });
 on("wheel", function (e) {
  if (z == 1 && !e.ctrlKey) return; // Ctrl or pinch, else the page scrolls
  e.preventDefault();
  zoom(M.pow(1.0015, -e.deltaY * (e.deltaMode ? 40 : 1)), user([e.clientX, e.clientY]));
 });
 on("pointerdown", function (e) {
  if (!pts[e.pointerId]) n++;
  pts[e.pointerId] = [e.clientX, e.clientY];
  moved = 0;
 });
 on("pointermove", function (e) {
  var id = e.pointerId, p = pts[id], q = [e.clientX, e.clientY], r = svg.getBoundingClientRect(), k, o;
  if (!p) return;
  if (n == 1) {
   if (!moved && M.abs(q[0] - p[0]) + M.abs(q[1] - p[1]) < 4) return;
   if (!moved) { moved = 1; svg.setPointerCapture(id); cl.add("mm-drag"); }
   cx -= (q[0] - p[0]) / r.width * W / z;
   cy -= (q[1] - p[1]) / r.height * H / z;
   apply();
  } else if (n == 2) {
   for (k in pts) if (k != id) o = pts[k];
   moved = 1;
   zoom(M.hypot(q[0] - o[0], q[1] - o[1]) / (M.hypot(p[0] - o[0], p[1] - o[1]) || 1), user([(q[0] + o[0]) / 2, (q[1] + o[1]) / 2]));
  }
  pts[id] = q;
 });
 function up(e) {
  if (pts[e.pointerId]) { delete pts[e.pointerId]; n--; }
  cl.remove("mm-drag");
 }
 on("pointerup", up);
 on("pointercancel", up);
 on("click", function (e) { if (moved) { e.preventDefault(); moved = 0; } }, true);
 wrap.addEventListener("keydown", function (e) {
  var k = "+-0".indexOf(e.key);
  if (k < 0) return;
  zoom([STEP, 1 / STEP, 0][k]);
  e.preventDefault();
 });
 on("focusin", function (e) {
  var g = e.target.closest("[data-xy]"), p = g && nums(g.getAttribute("data-xy"));
  if (p && z > 1 && (M.abs(p[0] - cx) > .4 * W / z || M.abs(p[1] - cy) > .4 * H / z)) { cx = p[0]; cy = p[1]; apply(); }
 });
 apply();
}
function all() { D.querySelectorAll("svg.mosty-map:not(.mm-compact)").forEach(init); }
if (D.readyState == "loading") D.addEventListener("DOMContentLoaded", all);
else all();
})(Math, document);
