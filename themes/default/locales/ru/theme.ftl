skip-to-content = Перейти к содержанию
nav-label = Разделы сайта
nav-projects = Проекты
nav-partners = Партнёры
nav-plans = Планы
language-switcher = Язык
footer-text = Отчёты о международном сотрудничестве колледжей.
