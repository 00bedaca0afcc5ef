skip-to-content = Přejít na obsah
nav-label = Části webu
nav-projects = Projekty
nav-partners = Partneři
nav-plans = Plány
language-switcher = Jazyk
footer-text = Zprávy o mezinárodní spolupráci odborných škol.
