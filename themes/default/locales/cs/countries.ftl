# Názvy zemí podle kódu ISO 3166-1 alpha-2 (pole location.country).
# Kód, který v seznamu chybí, se zobrazí tak, jak je.
country-name = { $code ->
    [RU] Rusko
    [GE] Gruzie
    [KZ] Kazachstán
    [CZ] Česko
    [PL] Polsko
    [EE] Estonsko
    [LV] Lotyšsko
    [LT] Litva
    [BY] Bělorusko
    [UA] Ukrajina
    [MD] Moldavsko
    [AM] Arménie
    [AZ] Ázerbájdžán
    [UZ] Uzbekistán
    [KG] Kyrgyzstán
    [TJ] Tádžikistán
    [TM] Turkmenistán
    [FI] Finsko
    [SE] Švédsko
    [NO] Norsko
    [DK] Dánsko
    [DE] Německo
    [AT] Rakousko
    [SK] Slovensko
    [HU] Maďarsko
    [SI] Slovinsko
    [HR] Chorvatsko
    [RS] Srbsko
    [BG] Bulharsko
    [RO] Rumunsko
    [GR] Řecko
    [TR] Turecko
    [IT] Itálie
    [FR] Francie
    [ES] Španělsko
    [PT] Portugalsko
    [NL] Nizozemsko
    [BE] Belgie
    [CH] Švýcarsko
    [GB] Spojené království
    [IE] Irsko
    [US] Spojené státy
    [CN] Čína
    [MN] Mongolsko
    [IN] Indie
    [IL] Izrael
   *[other] { $code }
}
