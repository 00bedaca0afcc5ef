skip-to-content = Skip to content
nav-label = Site sections
nav-projects = Projects
nav-partners = Partners
nav-plans = Plans
language-switcher = Language
footer-text = Reports of the colleges' international cooperation.
