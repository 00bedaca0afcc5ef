# default თემის შეტყობინებები (ქართული). საიტს შეუძლია ნებისმიერი მათგანი
# გადაფაროს თავის locales/ka/*.ftl ფაილში.

## საიტის ქვესათაური ნაგულისხმევად (საიტი საკუთარს locales/ka/site.ftl-ში წერს)
site-tagline = საერთაშორისო თანამშრომლობის ანგარიშები

## სათაური, ნავიგაცია, ქვედა ნაწილი
skip-to-content = მთავარ შინაარსზე გადასვლა
nav-label = საიტის განყოფილებები
nav-home = მთავარი
breadcrumbs-label = თქვენ აქ ხართ
language-switcher = ენა
# ენის სახელის შემდეგ გადამრთველში, თუ გვერდი ამ ენაზე ჯერ არ არის თარგმნილი.
language-untranslated = ჯერ არ არის თარგმნილი
footer-text = პროფესიული კოლეჯების საერთაშორისო თანამშრომლობის ანგარიშები.
footer-feed = სიახლეების არხი (Atom)
footer-generator = საიტი შექმნილია mosty-ით
# დაბეჭდილ გვერდზე: საიდან არის აღებული.
print-source = წყარო: { $url }
# ბარათზე, რომლის ტექსტიც სხვა ენაზეა ნაჩვენები.
shown-in-language = ტექსტის ენა: { $language }

## მთავარი გვერდი
home-latest-events = ბოლო ღონისძიებები
home-projects = პროექტები
home-all-projects = ყველა პროექტი

## სიები
section-empty = აქ ჯერ არაფერია.
toc-label = სარჩევი
tags-label = თემები
country-unknown = ქვეყანა მითითებული არ არის

## პროექტი მოკლედ
facts-label = პროექტი მოკლედ
facts-period = პერიოდი
facts-start = დასაწყისი
facts-home = წამყვანი დაწესებულება
facts-partners = პარტნიორები
facts-participants = მონაწილეები ყველა ღონისძიებაში
facts-events = ღონისძიებები
facts-location = მდებარეობა
facts-website = ვებსაიტი
facts-projects = პროექტები
# პროექტის ბარათზე წამყვან დაწესებულებასა და პარტნიორებს შორის (ეკრანის წამკითხველისთვის).
route-with = და

## ღონისძიებები
events-heading = პროექტის ღონისძიებები
events-heading-entry = ღონისძიებები
# ქართულში რიცხვის შემდეგ არსებითი სახელი მხოლობით რიცხვში რჩება.
events-count = { $count ->
    [one] { $count } ღონისძიება
   *[other] { $count } ღონისძიება
}
projects-count = { $count ->
    [one] { $count } პროექტი
   *[other] { $count } პროექტი
}

event-kind-agreement = შეთანხმება
event-kind-delegation = დელეგაცია
event-kind-visit = ვიზიტი
event-kind-contest = კონკურსი
event-kind-conference = კონფერენცია
event-kind-internship = სტაჟირება
event-kind-meeting = შეხვედრა
event-kind-seminar = სემინარი
event-kind-training = ტრენინგი
event-kind-online = ონლაინ ღონისძიება
event-kind-plan = დაგეგმილი

participants-students = { $count ->
    [one] { $count } სტუდენტი
   *[other] { $count } სტუდენტი
}
participants-teachers = { $count ->
    [one] { $count } მასწავლებელი
   *[other] { $count } მასწავლებელი
}
participants-staff = { $count ->
    [one] { $count } თანამშრომელი
   *[other] { $count } თანამშრომელი
}
participants-delegates = { $count ->
    [one] { $count } დელეგატი
   *[other] { $count } დელეგატი
}
participants-organisations = { $count ->
    [one] { $count } ორგანიზაცია
   *[other] { $count } ორგანიზაცია
}
participants-colleges = { $count ->
    [one] { $count } კოლეჯი
   *[other] { $count } კოლეჯი
}
participants-participants = { $count ->
    [one] { $count } მონაწილე
   *[other] { $count } მონაწილე
}

## პარტნიორი: რაში მონაწილეობს
partner-projects = პროექტები ამ დაწესებულების მონაწილეობით
partner-events = ღონისძიებები ამ დაწესებულების მონაწილეობით
partner-none = ანგარიშებში ამ დაწესებულების პროექტები ჯერ არ არის ნახსენები.
partner-role-home = წამყვანი დაწესებულება
partner-role-partner = პარტნიორი
partner-role-events = ცალკეული ღონისძიებების მონაწილე

## თემების სახელები (tags). თემა იდენტიფიკატორს ისე აჩვენებს, როგორც არის;
## საიტი თავის თემებს ამ შეტყობინების ვარიანტებით ასახელებს locales/ka/*.ftl-ში.
tag-name = { $tag }

## ქრონოლოგია და რუკა
# მენიუს პუნქტი, ბმული პარტნიორების რუკაზე.
nav-map = რუკა
# ქრონოლოგიის გვერდზე ფილტრების ბლოკის სათაური.
timeline-filters = ფილტრები
# მოვლენის ქვეყნების სიის წინ (ეკრანის წამკითხველებისთვის).
event-countries = ქვეყნები
# ჩაშენებულ „ყველა მოვლენას“ ცვლის, რომ ერთი სიტყვა ეწეროს, როგორც events-count-ში.
timeline-all = ყველა ღონისძიება
home-open-map = რუკის გახსნა
home-all-events = სრული ქრონოლოგია
institutions-count = { $count } ორგანიზაცია
map-table-title = ორგანიზაციები და პროექტები
# პროექტის რუკის ქვეშ: ბმული საერთო რუკაზე.
facts-map-all = ყველა პარტნიორი რუკაზე
