# Сообщения этого сайта. Они переопределяют одноимённые сообщения темы и mosty.

site-title = Мосты сотрудничества
site-tagline = Международные проекты колледжей и техникумов

# Названия тем (tags), которые встречаются в отчётах этого сайта.
tag-name = { $tag ->
    [agreement] соглашения
    [agriculture] сельское хозяйство
    [competition] конкурсы
    [conference] конференции
    [cooking] кулинария
    [delegation] делегации
    [exchange] обмены
    [internship] стажировки
    [it] ИТ
    [languages] иностранные языки
    [meeting] встречи
    [methodology] методическая работа
    [mobility] мобильность
    [online] онлайн
    [plan] планы
    [qualification] квалификации
    [sport] спорт
    [teacher-training] повышение квалификации педагогов
    [transport] транспорт
    [worldskills] WorldSkills
    [youth] молодёжь
   *[other] { $tag }
}
