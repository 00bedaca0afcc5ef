# Names of the benchmark corpus's countries (ISO 3166-1 alpha-2 -> name), the same
# names gen_corpus.py writes into the Hugo and Zola partner pages.

country-GE = Gruzie
country-CZ = Česko
country-AM = Arménie
country-DE = Německo
country-PL = Polsko
country-SK = Slovensko
country-AT = Rakousko
country-KZ = Kazachstán
