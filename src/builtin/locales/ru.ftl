language-name = Русский
site-title = Международное сотрудничество
choose-language = Выберите язык
not-found-title = Страница не найдена
not-found-text = По этому адресу ничего нет. Возможно, страницу перенесли или удалили.
not-found-home = На главную
fallback-notice = Эта страница ещё не переведена на русский язык и показана на языке: { $language }.

# Event kinds, participant groups and the timeline: mosty's data vocabulary.

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
event-kind-plan = План
event-kind-milestone = Веха проекта
milestone-start = Начало проекта
milestone-end = Завершение проекта
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
timeline-title = Хронология
timeline-all = Все события
timeline-by-kind = По типу
timeline-by-country = По стране
timeline-by-year = По году
timeline-calendar = Календарь (iCal)
timeline-empty = Событий нет.
# A country's name from its ISO code; themes and sites may give names.
country-name = { $code }
map-title = Карта партнёров
map-desc = { $institutions ->
    [one] { $institutions } организация
    [few] { $institutions } организации
   *[many] { $institutions } организаций
} в { $countries ->
    [one] { $countries } стране
   *[other] { $countries } странах
}; те же сведения приведены в таблице ниже.
map-zoom-in = Приблизить
map-zoom-out = Отдалить
map-reset = Исходный вид
map-legend-home = Колледж-участник
map-legend-partner = Партнёр
map-legend-link = Проект сотрудничества
map-col-institution = Организация
map-col-place = Город
map-col-country = Страна
map-col-projects = Проекты
status-title = Состояние переводов
status-intro = Какая часть сайта переведена на каждый язык: сообщения интерфейса и записи, а также переводы, чей оригинал с тех пор изменился.
status-language = Язык
status-messages = Сообщения интерфейса
status-entries = Записи
status-stale = Устаревшие переводы
status-source = оригинал
status-missing-entries = Записи для перевода
status-missing-messages = Сообщения для перевода
status-obsolete = Неиспользуемые сообщения
stale-notice = Оригинал этой страницы ({ $language }) изменился после того, как она была переведена.
stale-notice-link = Читать оригинал
