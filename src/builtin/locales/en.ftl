# mosty's own interface messages, used by its built-in templates (language chooser, 404,
# feeds). A theme's or a site's locales/<lang>/*.ftl override any of them.

# The language's own name, shown in language switchers.
language-name = English
site-title = International cooperation
choose-language = Choose a language
not-found-title = Page not found
not-found-text = There is no page at this address. It may have been moved or deleted.
not-found-home = Go to the home page
fallback-notice = This page has not been translated into English yet. It is shown in { $language }.

# Event kinds, participant groups and the timeline: mosty's data vocabulary.

event-kind-agreement = Agreement
event-kind-delegation = Delegation
event-kind-visit = Visit
event-kind-contest = Contest
event-kind-conference = Conference
event-kind-internship = Internship
event-kind-meeting = Meeting
event-kind-seminar = Seminar
event-kind-training = Training
event-kind-online = Online event
event-kind-plan = Plan
event-kind-milestone = Milestone
milestone-start = Project starts
milestone-end = Project ends
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
timeline-title = Timeline
timeline-all = All events
timeline-by-kind = By kind
timeline-by-country = By country
timeline-by-year = By year
timeline-calendar = Calendar (iCal)
timeline-empty = No events.
# A country's name from its ISO code; themes and sites may give names.
country-name = { $code }
map-title = Partner map
map-desc = { $institutions ->
    [one] One institution
   *[other] { $institutions } institutions
} in { $countries ->
    [one] one country
   *[other] { $countries } countries
}; the table below lists the same.
map-zoom-in = Zoom in
map-zoom-out = Zoom out
map-reset = Reset the view
map-legend-home = Home college
map-legend-partner = Partner
map-legend-link = Cooperation project
map-col-institution = Institution
map-col-place = Town
map-col-country = Country
map-col-projects = Projects
status-title = Translation status
status-intro = How much of the site is translated into each language: interface messages and entries, and translations whose original has changed since.
status-language = Language
status-messages = Interface messages
status-entries = Entries
status-stale = Outdated translations
status-source = original
status-missing-entries = Entries to translate
status-missing-messages = Messages to translate
status-obsolete = Messages no longer used
stale-notice = The { $language } original of this page has changed since it was translated.
stale-notice-link = Read the original
