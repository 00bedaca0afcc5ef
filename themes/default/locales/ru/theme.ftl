# Сообщения темы default (русский). Сайт может переопределить любое из них
# в своём locales/ru/*.ftl.

## Подзаголовок сайта по умолчанию (сайт задаёт свой в locales/ru/site.ftl)
site-tagline = Отчёты о международном сотрудничестве

## Шапка, навигация, подвал
skip-to-content = Перейти к содержанию
nav-label = Разделы сайта
nav-home = Главная
breadcrumbs-label = Вы здесь
language-switcher = Язык сайта
# После названия языка в переключателе, если страница на этом языке ещё не переведена.
language-untranslated = пока без перевода
footer-text = Отчёты о международном сотрудничестве колледжей и техникумов.
footer-feed = Лента обновлений (Atom)
footer-generator = Сайт собран генератором mosty
# В распечатке страницы: откуда она взята.
print-source = Источник: { $url }
# Пометка на карточке, текст которой показан на другом языке.
shown-in-language = Текст на языке: { $language }

## Главная страница
home-latest-events = Последние события
home-projects = Проекты
home-all-projects = Все проекты

## Списки
section-empty = Здесь пока ничего нет.
toc-label = Содержание
tags-label = Темы
country-unknown = Страна не указана

## Проект: справка
facts-label = Коротко о проекте
facts-period = Сроки
facts-start = Начало
facts-home = Ведущая организация
facts-partners = Партнёры
facts-participants = Участники по всем событиям
facts-events = События
facts-location = Местонахождение
facts-website = Сайт
facts-projects = Проекты
# Между ведущей организацией и партнёрами на карточке проекта (читают экранные дикторы).
route-with = и

## События
events-heading = События проекта
events-heading-entry = События
events-count = { $count ->
    [one] { $count } событие
    [few] { $count } события
    [many] { $count } событий
   *[other] { $count } события
}
projects-count = { $count ->
    [one] { $count } проект
    [few] { $count } проекта
    [many] { $count } проектов
   *[other] { $count } проекта
}

event-kind-agreement = Соглашение
event-kind-delegation = Делегация
event-kind-visit = Визит
event-kind-contest = Конкурс
event-kind-conference = Конференция
event-kind-internship = Стажировка
event-kind-meeting = Встреча
event-kind-seminar = Семинар
event-kind-training = Обучение
event-kind-online = Онлайн-мероприятие
event-kind-plan = Запланировано

participants-students = { $count ->
    [one] { $count } студент
    [few] { $count } студента
    [many] { $count } студентов
   *[other] { $count } студента
}
participants-teachers = { $count ->
    [one] { $count } преподаватель
    [few] { $count } преподавателя
    [many] { $count } преподавателей
   *[other] { $count } преподавателя
}
participants-staff = { $count ->
    [one] { $count } сотрудник
    [few] { $count } сотрудника
    [many] { $count } сотрудников
   *[other] { $count } сотрудника
}
participants-delegates = { $count ->
    [one] { $count } делегат
    [few] { $count } делегата
    [many] { $count } делегатов
   *[other] { $count } делегата
}
participants-organisations = { $count ->
    [one] { $count } организация
    [few] { $count } организации
    [many] { $count } организаций
   *[other] { $count } организации
}
participants-colleges = { $count ->
    [one] { $count } колледж
    [few] { $count } колледжа
    [many] { $count } колледжей
   *[other] { $count } колледжа
}
participants-participants = { $count ->
    [one] { $count } участник
    [few] { $count } участника
    [many] { $count } участников
   *[other] { $count } участника
}

## Партнёр: обратные ссылки
partner-projects = Проекты с участием партнёра
partner-events = События с участием партнёра
partner-none = В отчётах пока нет проектов с участием этой организации.
partner-role-home = ведущая организация
partner-role-partner = партнёр
partner-role-events = участник отдельных событий

## Метки тем (tags). Тема показывает идентификатор как есть;
## сайт переводит свои темы в locales/ru/*.ftl вариантами этого сообщения.
tag-name = { $tag }

## Хронология и карта
# Пункт меню со ссылкой на карту партнёров.
nav-map = Карта
# Заголовок блока ссылок-фильтров на странице хронологии.
timeline-filters = Фильтры
# Перед списком стран у события (читают экранные дикторы).
event-countries = Страны
home-open-map = Открыть карту
home-all-events = Вся хронология
institutions-count = { $count ->
    [one] { $count } организация
    [few] { $count } организации
    [many] { $count } организаций
   *[other] { $count } организации
}
map-table-title = Организации и проекты
# Под картой проекта в справке: ссылка на общую карту.
facts-map-all = Все партнёры на карте
