# Country names by ISO 3166-1 alpha-2 code (the field location.country).
# A code missing from the list is shown as it is.
country-name = { $code ->
    [RU] Russia
    [GE] Georgia
    [KZ] Kazakhstan
    [CZ] Czechia
    [PL] Poland
    [EE] Estonia
    [LV] Latvia
    [LT] Lithuania
    [BY] Belarus
    [UA] Ukraine
    [MD] Moldova
    [AM] Armenia
    [AZ] Azerbaijan
    [UZ] Uzbekistan
    [KG] Kyrgyzstan
    [TJ] Tajikistan
    [TM] Turkmenistan
    [FI] Finland
    [SE] Sweden
    [NO] Norway
    [DK] Denmark
    [DE] Germany
    [AT] Austria
    [SK] Slovakia
    [HU] Hungary
    [SI] Slovenia
    [HR] Croatia
    [RS] Serbia
    [BG] Bulgaria
    [RO] Romania
    [GR] Greece
    [TR] Türkiye
    [IT] Italy
    [FR] France
    [ES] Spain
    [PT] Portugal
    [NL] Netherlands
    [BE] Belgium
    [CH] Switzerland
    [GB] United Kingdom
    [IE] Ireland
    [US] United States
    [CN] China
    [MN] Mongolia
    [IN] India
    [IL] Israel
   *[other] { $code }
}
