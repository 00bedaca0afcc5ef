skip-to-content = შინაარსზე გადასვლა
nav-label = საიტის განყოფილებები
nav-projects = პროექტები
nav-partners = პარტნიორები
nav-plans = გეგმები
language-switcher = ენა
footer-text = კოლეჯების საერთაშორისო თანამშრომლობის ანგარიშები.
