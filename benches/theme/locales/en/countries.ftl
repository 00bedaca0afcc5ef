# Names of the benchmark corpus's countries (ISO 3166-1 alpha-2 -> name), the same
# names gen_corpus.py writes into the Hugo and Zola partner pages.

country-GE = Georgia
country-CZ = Czechia
country-AM = Armenia
country-DE = Germany
country-PL = Poland
country-SK = Slovakia
country-AT = Austria
country-KZ = Kazakhstan
