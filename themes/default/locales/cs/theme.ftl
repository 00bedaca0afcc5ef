# Zprávy motivu default (čeština). Web je může kteroukoli přepsat
# ve svém locales/cs/*.ftl.

## Výchozí podtitul webu (web si nastaví vlastní v locales/cs/site.ftl)
site-tagline = Zprávy o mezinárodní spolupráci

## Záhlaví, navigace, zápatí
skip-to-content = Přejít na obsah
nav-label = Hlavní navigace
nav-home = Úvod
breadcrumbs-label = Drobečková navigace
language-switcher = Jazyk
# Za názvem jazyka v přepínači, pokud stránka do něj ještě není přeložena.
language-untranslated = zatím nepřeloženo
footer-text = Zprávy o mezinárodní spolupráci odborných škol.
footer-feed = Kanál novinek (Atom)
footer-generator = Vytvořeno nástrojem mosty
# Na vytištěné stránce: odkud pochází.
print-source = Zdroj: { $url }
# Na kartě, jejíž text se zobrazuje v jiném jazyce.
shown-in-language = Text v jazyce: { $language }

## Úvodní stránka
home-latest-events = Nejnovější události
home-projects = Projekty
home-all-projects = Všechny projekty

## Seznamy
section-empty = Zatím tu nic není.
toc-label = Obsah
tags-label = Témata
country-unknown = Země neuvedena

## Projekt v kostce
facts-label = Projekt v kostce
facts-period = Období
facts-start = Začátek
facts-home = Vedoucí instituce
facts-partners = Partneři
facts-participants = Účastníci všech akcí
facts-events = Události
facts-location = Sídlo
facts-website = Web
facts-projects = Projekty
# Mezi vedoucí institucí a partnery na kartě projektu (čte odečítač obrazovky).
route-with = a

## Události
events-heading = Události projektu
events-heading-entry = Události
events-count = { $count ->
    [one] { $count } událost
    [few] { $count } události
    [many] { $count } události
   *[other] { $count } událostí
}
projects-count = { $count ->
    [one] { $count } projekt
    [few] { $count } projekty
    [many] { $count } projektu
   *[other] { $count } projektů
}

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
event-kind-plan = Plánováno

# Čeština: [many] je jen pro desetinná čísla (1,5 studenta);
# celá čísla od 5 výš (i 0) patří do *[other] (5 studentů).
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

## Partner: čeho se účastní
partner-projects = Projekty, na kterých se instituce podílí
partner-events = Události za účasti instituce
partner-none = Zprávy zatím nezmiňují žádný projekt této instituce.
partner-role-home = vedoucí instituce
partner-role-partner = partner
partner-role-events = účastník některých akcí

## Názvy témat (tags). Motiv ukazuje identifikátor tak, jak je;
## web pojmenuje svá témata variantami této zprávy v locales/cs/*.ftl.
tag-name = { $tag }

## Časová osa a mapa
# Položka nabídky s odkazem na mapu partnerů.
nav-map = Mapa
# Nadpis odkazů-filtrů na stránce časové osy.
timeline-filters = Filtry
# Před seznamem zemí u události (čtou odečítače obrazovky).
event-countries = Země
home-open-map = Otevřít mapu
home-all-events = Celá časová osa
institutions-count = { $count ->
    [one] { $count } instituce
    [few] { $count } instituce
    [many] { $count } instituce
   *[other] { $count } institucí
}
map-table-title = Instituce a projekty
# Pod mapou projektu v přehledu: odkaz na celou mapu.
facts-map-all = Všichni partneři na mapě
