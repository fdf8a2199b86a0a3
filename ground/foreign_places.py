"""Foreign places a text or a question names: countries with the spellings people type, the other partners a plan
names (regions, cities, blocs, UNESCO), and the provinces of the neighbouring countries a border province's texts name."""
from __future__ import annotations

from ground.countries import WORLD_COUNTRIES

# -- foreign places ------------------------------------------------------------------------------
# Countries and foreign regions that questions name, canonical name → the other spellings people type
# (for rewriting a follow-up and checking that an answer names the asked country).
# A name that is also an ordinary word ("anh" = brother, "mỹ" in "mỹ thuật") is only taken in its
# longer, unambiguous form.
FOREIGN_PLACES: dict[str, tuple[str, ...]] = {
    "Trung Quốc": ("Trung Hoa",),
    "Nhật Bản": ("Nhật",),
    "Hàn Quốc": ("Hàn",),
    "Triều Tiên": (),
    "Lào": (),
    "Campuchia": ("Cam-pu-chia", "Căm-pu-chia"),
    "Thái Lan": (),
    "Myanmar": ("Mi-an-ma",),
    "Malaysia": ("Ma-lai-xi-a",),
    "Singapore": ("Xin-ga-po", "Xinh-ga-po", "Xin-ga-po-rơ"),
    "Indonesia": ("In-đô-nê-xi-a",),
    "Philippines": ("Phi-líp-pin", "Philippin"),
    "Brunei": (),
    "Đông Timor": ("Timor-Leste",),
    "Ấn Độ": (),
    "Hoa Kỳ": ("Mỹ", "nước Mỹ"),
    "Canada": (),
    "Cuba": (),
    "Nga": ("Liên bang Nga",),
    "Pháp": (),
    "Đức": (),
    "Vương quốc Anh": ("nước Anh", "Anh Quốc"),
    "Italia": ("Ý",),
    "Tây Ban Nha": (),
    "Bồ Đào Nha": (),
    "Hà Lan": (),
    "Bỉ": (),
    "Thụy Điển": (),
    "Thụy Sĩ": (),
    "Na Uy": (),
    "Phần Lan": (),
    "Đan Mạch": (),
    "Ba Lan": (),
    "Séc": ("Cộng hòa Séc",),
    "Hungary": ("Hung-ga-ri",),
    "Úc": ("Australia", "Ô-xtrây-li-a", "Ô-xtơ-rây-li-a", "Ốt-xtrây-li-a"),
    "New Zealand": ("Niu Di-lân",),
    "Israel": ("I-xra-en", "Ít-xra-en"),
    "Ai Cập": (),
    "Nam Phi": (),
    "Brazil": ("Bra-xin",),
    "Argentina": (),
    "Mông Cổ": (),
    "Đài Loan": (),
    "Quảng Tây": (),
    "Vân Nam": (),
    "Quảng Đông": (),
    "Hồng Kông": ("Hong Kong",),
    "Ma Cao": (),
    "ASEAN": (),
    "châu Âu": ("EU", "Liên minh châu Âu"),
}
# …and every other country of the world (ground.countries)
FOREIGN_PLACES.update({name: aliases for name, aliases in WORLD_COUNTRIES.items() if name not in FOREIGN_PLACES})
# the entries that are countries (a country's province, a city, a region or a bloc is not a rival to one)
COUNTRIES = frozenset(FOREIGN_PLACES) - {"Quảng Tây", "Vân Nam", "Quảng Đông", "Hồng Kông", "Ma Cao", "ASEAN", "châu Âu"}
# Short forms that are ordinary words too: only with a capital letter when the text has diacritics,
# never in text typed without diacritics.
FOREIGN_CAPITAL_ONLY = {"Nhật", "Hàn", "Mỹ", "Ý", "Úc", "Đức", "Pháp", "Nga", "Bỉ", "Séc", "Lào", "Cuba", "EU", "Áo", "Síp",
                        "Mali", "Togo", "Niger"}
# Every foreign place, region or body a plan may name as a partner (countries, their regions and cities, the
# continents, ASEAN, UNESCO …): recognising that a sentence names one answers "ở đâu / với nước nào".
FOREIGN_PLACE_NAMES = """Trung Quốc|Nhật Bản|Hàn Quốc|Triều Tiên|Lào|Campuchia|Cam-pu-chia|Thái Lan|Indonesia|In-đô-nê-xi-a|
Malaysia|Ma-lai-xi-a|Singapore|Xin-ga-po|Philippines|Phi-líp-pin|Myanmar|Mi-an-ma|Brunei|Đông Timor|Ấn Độ|Nga|
Liên bang Nga|Hoa Kỳ|Mỹ|Canada|Ca-na-đa|Pháp|Đức|Anh|Italia|Ý|Tây Ban Nha|Bồ Đào Nha|Hà Lan|Bỉ|Thụy Sĩ|Thụy Điển|
Na Uy|Phần Lan|Đan Mạch|Ba Lan|Séc|Hungary|Hung-ga-ri|Bun-ga-ri|Bulgaria|Rumani|Ru-ma-ni|Ukraine|U-crai-na|Belarus|
Cuba|Cu-ba|Venezuela|Brazil|Bra-xin|Argentina|Chile|Mexico|Mê-hi-cô|Úc|Australia|Ô-xtrây-li-a|New Zealand|Niu Di-lân|
Israel|Thổ Nhĩ Kỳ|Ai Cập|Nam Phi|Mông Cổ|Đài Loan|Hồng Kông|Ma Cao|Macao|Quảng Tây|Vân Nam|Quảng Đông|Hải Nam|
Quý Châu|Tứ Xuyên|Bắc Kinh|Thượng Hải|Nam Ninh|Côn Minh|Quảng Châu|Bách Sắc|Sùng Tả|Tokyo|Osaka|Kyoto|Seoul|Busan|
Viêng Chăn|Vientiane|Phnôm Pênh|Phnom Penh|Bangkok|Paris|London|Luân Đôn|Berlin|Moskva|Mát-xcơ-va|Washington|
ASEAN|châu Á|châu Âu|châu Phi|châu Mỹ|châu Đại Dương|Đông Nam Á|Đông Bắc Á|Nam Á|Trung Đông|Mỹ Latinh|Bắc Mỹ|
Tây Âu|Đông Âu|Liên minh châu Âu|EU|APEC|UNESCO|Liên hợp quốc""".replace("\n", "")

# The provinces of the neighbours a border province's texts name ("Hội chợ thương mại tỉnh Xiêng Khoảng"), as papers
# spell them: a "tỉnh …" of Laos, Cambodia or China is a partner, never the province a Vietnamese text is about, and a
# line naming one names its country ("học bổng cho lưu học sinh tỉnh Sê Kông" is about Lào).
NEIGHBOURS: dict[str, frozenset[str]] = {
    "Lào": frozenset("""Phông-xa-lỳ|Phongsaly|Luông Nặm Thà|Luang Namtha|U-đôm-xay|Oudomxay|Bò Kẹo|Bokeo|Luông Pha-bang|Luang Prabang|
Luông Prabang|Hủa Phăn|Houaphanh|Xay-nha-bu-ly|Xaignabouli|Sainyabuli|Xiêng Khoảng|Xiengkhouang|Viêng Chăn|
Vientiane|Bô-ly-khăm-xay|Bolikhamxay|Khăm Muộn|Khammouane|Xa-vẳn-na-khệt|Savannakhet|Sa-la-van|Salavan|
Xê Kông|Sekong|Chăm-pa-sắc|Champasak|Át-tạ-pư|Attapeu|Xay-xổm-bun|Xaisomboun|Phongsali|Luangnamtha|Udomxay|
Oudomxai|Luangprabang|Luông Pha Băng|Houaphan|Hua Phan|Xayaboury|Sayaboury|Xaignabouly|Xieng Khouang|
Bolikhamsai|Khammouan|Khăm Muồn|Saravane|Xekong|Sê Kông|Champasack|Chăm-pa-xắc|Attapu|Xaysomboun|Chămpasak|
A Ta Pư|Sa La Van|Sê-kông|Luông Pha Bang""".replace("\n", "").split("|")),
    "Campuchia": frozenset("""Kep|Kampot|Takeo|Svay Rieng|Prey Veng|Kandal|Kratie|Mondulkiri|Ratanakiri|Stung Treng|Tbong Khmum|
Kampong Cham|Siem Reap|Battambang|Banteay Meanchey|Pailin|Pursat|Koh Kong|Preah Sihanouk|Bát-tam-bang|
Xiêm Riệp|Công-pông Chàm|Xvây Riêng|Prây Veng|Ta Keo|Cam-pốt|Kra-chê|Ra-ta-na-ki-ri|Mun-đun-ki-ri|Xtung Treng""".replace("\n", "").split("|")),
    "Trung Quốc": frozenset({"Quảng Tây", "Vân Nam", "Quảng Đông", "Hải Nam"}),
}
NEIGHBOUR_PROVINCES = frozenset().union(*NEIGHBOURS.values())
