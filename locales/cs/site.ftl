# Zprávy tohoto webu. Přepisují stejnojmenné zprávy motivu a nástroje mosty.

site-title = Mosty spolupráce
site-tagline = Mezinárodní projekty odborných škol

# Názvy témat (tags), která se ve zprávách tohoto webu vyskytují.
tag-name = { $tag ->
    [agreement] dohody
    [agriculture] zemědělství
    [competition] soutěže
    [conference] konference
    [cooking] gastronomie
    [delegation] delegace
    [exchange] výměny
    [internship] stáže
    [it] IT
    [languages] cizí jazyky
    [meeting] setkání
    [methodology] metodika výuky
    [mobility] mobilita
    [online] online
    [plan] plány
    [qualification] kvalifikace
    [sport] sport
    [teacher-training] vzdělávání pedagogů
    [transport] doprava
    [worldskills] WorldSkills
    [youth] mládež
   *[other] { $tag }
}
