language-name = Čeština
site-title = Mezinárodní spolupráce
choose-language = Vyberte jazyk
not-found-title = Stránka nenalezena
not-found-text = Na této adrese nic není. Stránka mohla být přesunuta nebo smazána.
not-found-home = Na úvodní stránku
fallback-notice = Tato stránka zatím není přeložena do češtiny. Zobrazuje se v jazyce: { $language }.

# Event kinds, participant groups and the timeline: mosty's data vocabulary.

event-kind-agreement = Dohoda
event-kind-delegation = Delegace
event-kind-visit = Návštěva
event-kind-contest = Soutěž
event-kind-conference = Konference
event-kind-internship = Stáž
event-kind-meeting = Setkání
event-kind-seminar = Seminář
event-kind-training = Školení
event-kind-online = Online akce
event-kind-plan = Plán
event-kind-milestone = Milník
milestone-start = Začátek projektu
milestone-end = Konec projektu
participants-students = { $count ->
    [one] { $count } student
    [few] { $count } studenti
    [many] { $count } studenta
   *[other] { $count } studentů
}
participants-teachers = { $count ->
    [one] { $count } učitel
    [few] { $count } učitelé
    [many] { $count } učitele
   *[other] { $count } učitelů
}
participants-staff = { $count ->
    [one] { $count } zaměstnanec
    [few] { $count } zaměstnanci
    [many] { $count } zaměstnance
   *[other] { $count } zaměstnanců
}
participants-delegates = { $count ->
    [one] { $count } delegát
    [few] { $count } delegáti
    [many] { $count } delegáta
   *[other] { $count } delegátů
}
participants-organisations = { $count ->
    [one] { $count } organizace
    [few] { $count } organizace
    [many] { $count } organizace
   *[other] { $count } organizací
}
participants-colleges = { $count ->
    [one] { $count } škola
    [few] { $count } školy
    [many] { $count } školy
   *[other] { $count } škol
}
participants-participants = { $count ->
    [one] { $count } účastník
    [few] { $count } účastníci
    [many] { $count } účastníka
   *[other] { $count } účastníků
}
timeline-title = Časová osa
timeline-all = Všechny události
timeline-by-kind = Podle druhu
timeline-by-country = Podle země
timeline-by-year = Podle roku
timeline-calendar = Kalendář (iCal)
timeline-empty = Žádné události.
# A country's name from its ISO code; themes and sites may give names.
country-name = { $code }
map-title = Mapa partnerů
map-desc = { $institutions ->
    [one] { $institutions } instituce
    [few] { $institutions } instituce
   *[other] { $institutions } institucí
} { $countries ->
    [one] v { $countries } zemi
   *[other] v { $countries } zemích
}; tabulka níže uvádí totéž.
map-zoom-in = Přiblížit
map-zoom-out = Oddálit
map-reset = Původní pohled
map-legend-home = Vysílající škola
map-legend-partner = Partner
map-legend-link = Projekt spolupráce
map-col-institution = Instituce
map-col-place = Město
map-col-country = Země
map-col-projects = Projekty
status-title = Stav překladů
status-intro = Jak velká část webu je přeložena do jednotlivých jazyků: texty rozhraní a příspěvky, i překlady, jejichž originál se mezitím změnil.
status-language = Jazyk
status-messages = Texty rozhraní
status-entries = Příspěvky
status-stale = Zastaralé překlady
status-source = originál
status-missing-entries = Příspěvky k překladu
status-missing-messages = Texty k překladu
status-obsolete = Nepoužívané texty
stale-notice = Originál této stránky ({ $language }) se od překladu změnil.
stale-notice-link = Přečíst originál
