# Names of the benchmark corpus's countries (ISO 3166-1 alpha-2 -> name), the same
# names gen_corpus.py writes into the Hugo and Zola partner pages.

country-GE = საქართველო
country-CZ = ჩეხეთი
country-AM = სომხეთი
country-DE = გერმანია
country-PL = პოლონეთი
country-SK = სლოვაკეთი
country-AT = ავსტრია
country-KZ = ყაზახეთი
