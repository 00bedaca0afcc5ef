# Names of the benchmark corpus's countries (ISO 3166-1 alpha-2 -> name), the same
# names gen_corpus.py writes into the Hugo and Zola partner pages.

country-GE = Грузия
country-CZ = Чехия
country-AM = Армения
country-DE = Германия
country-PL = Польша
country-SK = Словакия
country-AT = Австрия
country-KZ = Казахстан
