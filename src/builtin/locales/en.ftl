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
