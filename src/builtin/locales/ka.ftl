language-name = ქართული
site-title = საერთაშორისო თანამშრომლობა
choose-language = აირჩიეთ ენა
not-found-title = გვერდი ვერ მოიძებნა
not-found-text = ამ მისამართზე გვერდი არ არის. შესაძლოა, ის გადაიტანეს ან წაშალეს.
not-found-home = მთავარ გვერდზე
fallback-notice = ეს გვერდი ჯერ ქართულად არ არის თარგმნილი. ის ნაჩვენებია ენაზე: { $language }.
