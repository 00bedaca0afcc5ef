language-name = Čeština
site-title = Mezinárodní spolupráce
choose-language = Vyberte jazyk
not-found-title = Stránka nenalezena
not-found-text = Na této adrese nic není. Stránka mohla být přesunuta nebo smazána.
not-found-home = Na úvodní stránku
fallback-notice = Tato stránka zatím není přeložena do češtiny. Zobrazuje se v jazyce: { $language }.
