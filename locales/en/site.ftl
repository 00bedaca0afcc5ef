# Messages of this site. They override the theme's and mosty's messages of the same id.

site-title = Bridges of Cooperation
site-tagline = International projects of vocational colleges

# Names of the topics (tags) used in this site's reports.
tag-name = { $tag ->
    [agreement] agreements
    [agriculture] agriculture
    [competition] competitions
    [conference] conferences
    [cooking] cooking
    [delegation] delegations
    [exchange] exchanges
    [internship] internships
    [it] IT
    [languages] foreign languages
    [meeting] meetings
    [methodology] teaching methods
    [mobility] mobility
    [online] online
    [plan] plans
    [qualification] qualifications
    [sport] sport
    [teacher-training] teacher training
    [transport] transport
    [worldskills] WorldSkills
    [youth] youth
   *[other] { $tag }
}
