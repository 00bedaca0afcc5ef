language-name = ქართული
site-title = საერთაშორისო თანამშრომლობა
choose-language = აირჩიეთ ენა
not-found-title = გვერდი ვერ მოიძებნა
not-found-text = ამ მისამართზე გვერდი არ არის. შესაძლოა, ის გადაიტანეს ან წაშალეს.
not-found-home = მთავარ გვერდზე
fallback-notice = ეს გვერდი ჯერ ქართულად არ არის თარგმნილი. ის ნაჩვენებია ენაზე: { $language }.

# Event kinds, participant groups and the timeline: mosty's data vocabulary.

event-kind-agreement = შეთანხმება
event-kind-delegation = დელეგაცია
event-kind-visit = ვიზიტი
event-kind-contest = კონკურსი
event-kind-conference = კონფერენცია
event-kind-internship = სტაჟირება
event-kind-meeting = შეხვედრა
event-kind-seminar = სემინარი
event-kind-training = სწავლება
event-kind-online = ონლაინ ღონისძიება
event-kind-plan = გეგმა
event-kind-milestone = ეტაპი
milestone-start = პროექტის დაწყება
milestone-end = პროექტის დასრულება
participants-students = { $count } სტუდენტი
participants-teachers = { $count } მასწავლებელი
participants-staff = { $count } თანამშრომელი
participants-delegates = { $count } დელეგატი
participants-organisations = { $count } ორგანიზაცია
participants-colleges = { $count } კოლეჯი
participants-participants = { $count } მონაწილე
timeline-title = ქრონოლოგია
timeline-all = ყველა მოვლენა
timeline-by-kind = ტიპის მიხედვით
timeline-by-country = ქვეყნის მიხედვით
timeline-by-year = წლის მიხედვით
timeline-calendar = კალენდარი (iCal)
timeline-empty = მოვლენები არ არის.
# A country's name from its ISO code; themes and sites may give names.
country-name = { $code }
