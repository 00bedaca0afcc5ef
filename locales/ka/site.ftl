# ამ საიტის შეტყობინებები. ისინი ფარავს თემისა და mosty-ის იმავე სახელის შეტყობინებებს.

site-title = თანამშრომლობის ხიდები
site-tagline = პროფესიული კოლეჯების საერთაშორისო პროექტები

# თემები (tags), რომლებიც ამ საიტის ანგარიშებში გვხვდება.
tag-name = { $tag ->
    [agreement] შეთანხმებები
    [agriculture] სოფლის მეურნეობა
    [competition] კონკურსები
    [conference] კონფერენციები
    [cooking] კულინარია
    [delegation] დელეგაციები
    [exchange] გაცვლები
    [internship] სტაჟირებები
    [it] IT
    [languages] უცხო ენები
    [meeting] შეხვედრები
    [methodology] სწავლების მეთოდიკა
    [mobility] მობილობა
    [online] ონლაინ
    [plan] გეგმები
    [qualification] კვალიფიკაცია
    [sport] სპორტი
    [teacher-training] მასწავლებელთა გადამზადება
    [transport] ტრანსპორტი
    [worldskills] WorldSkills
    [youth] ახალგაზრდობა
   *[other] { $tag }
}
