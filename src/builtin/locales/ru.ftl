language-name = Русский
site-title = Международное сотрудничество
choose-language = Выберите язык
not-found-title = Страница не найдена
not-found-text = По этому адресу ничего нет. Возможно, страницу перенесли или удалили.
not-found-home = На главную
fallback-notice = Эта страница ещё не переведена на русский язык и показана на языке: { $language }.
