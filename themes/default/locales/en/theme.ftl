# Messages of the default theme (English). A site may override any of them
# in its own locales/en/*.ftl.

## The site's subtitle by default (a site sets its own in locales/en/site.ftl)
site-tagline = Reports of international cooperation

## Header, navigation, footer
skip-to-content = Skip to content
nav-label = Site sections
nav-home = Home
breadcrumbs-label = You are here
language-switcher = Language
# After a language's name in the switcher when the page is not translated into it yet.
language-untranslated = not translated yet
footer-text = Reports of the international cooperation of vocational colleges.
footer-feed = Updates feed (Atom)
footer-generator = Built with mosty
# On a printed page: where it comes from.
print-source = Source: { $url }
# On a card whose text is shown in another language.
shown-in-language = Text in { $language }

## Home page
home-latest-events = Latest events
home-projects = Projects
home-all-projects = All projects

## Lists
section-empty = Nothing here yet.
toc-label = Contents
tags-label = Topics
country-unknown = Country not given

## Project facts
facts-label = Project at a glance
facts-period = Period
facts-start = Started
facts-home = Lead institution
facts-partners = Partners
facts-participants = Participants across all events
facts-events = Events
facts-location = Location
facts-website = Website
facts-projects = Projects
# Between the lead institution and the partners on a project card (read by screen readers).
route-with = and

## Events
events-heading = Project events
events-heading-entry = Events
events-count = { $count ->
    [one] { $count } event
   *[other] { $count } events
}
projects-count = { $count ->
    [one] { $count } project
   *[other] { $count } projects
}

event-kind-agreement = Agreement
event-kind-delegation = Delegation
event-kind-visit = Visit
event-kind-contest = Competition
event-kind-conference = Conference
event-kind-internship = Internship
event-kind-meeting = Meeting
event-kind-seminar = Seminar
event-kind-training = Training
event-kind-online = Online event
event-kind-plan = Planned

participants-students = { $count ->
    [one] { $count } student
   *[other] { $count } students
}
participants-teachers = { $count ->
    [one] { $count } teacher
   *[other] { $count } teachers
}
participants-staff = { $count ->
    [one] { $count } staff member
   *[other] { $count } staff members
}
participants-delegates = { $count ->
    [one] { $count } delegate
   *[other] { $count } delegates
}
participants-organisations = { $count ->
    [one] { $count } organisation
   *[other] { $count } organisations
}
participants-colleges = { $count ->
    [one] { $count } college
   *[other] { $count } colleges
}
participants-participants = { $count ->
    [one] { $count } participant
   *[other] { $count } participants
}

## Partner: what it takes part in
partner-projects = Projects this institution takes part in
partner-events = Events this institution took part in
partner-none = The reports do not mention any project of this institution yet.
partner-role-home = lead institution
partner-role-partner = partner
partner-role-events = took part in some events

## Topic labels (tags). The theme shows the id as it is;
## a site names its own topics with variants of this message in locales/en/*.ftl.
tag-name = { $tag }

## Timeline and map
# Menu item linking to the partner map.
nav-map = Map
# Heading of the filter links on the timeline page.
timeline-filters = Filters
# Before the list of an event's countries (read by screen readers).
event-countries = Countries
home-open-map = Open the map
home-all-events = Full timeline
institutions-count = { $count ->
    [one] { $count } institution
   *[other] { $count } institutions
}
map-table-title = Institutions and projects
# Under a project's map in its facts box: a link to the whole map.
facts-map-all = All partners on the map
