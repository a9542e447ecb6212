"""Czech and Slovak names, places and business wording for generated records."""

import unicodedata

COMPANY_STEMS = [
    'Agro',
    'Stav',
    'Tech',
    'Elektro',
    'Kovo',
    'Dřevo',
    'Plast',
    'Servis',
    'Trans',
    'Logis',
    'Sklo',
    'Textil',
    'Potraviny',
    'Strojírny',
    'Montáže',
    'Projekt',
    'Energie',
    'Obchod',
]
COMPANY_PLACES = ['Morava', 'Vysočina', 'Polabí', 'Šumava', 'Haná', 'Slezsko', 'Podkrkonoší', 'Tatry', 'Pováží']
LEGAL_FORMS = ['s.r.o.', 'a.s.', 'spol. s r.o.', 'v.o.s.']
CZECH_CITIES = [
    ('Praha', '110 00'),
    ('Brno', '602 00'),
    ('Ostrava', '702 00'),
    ('Plzeň', '301 00'),
    ('Olomouc', '779 00'),
    ('Liberec', '460 01'),
    ('Hradec Králové', '500 02'),
    ('České Budějovice', '370 01'),
    ('Zlín', '760 01'),
    ('Jihlava', '586 01'),
]
SLOVAK_CITIES = [
    ('Bratislava', '811 01'),
    ('Košice', '040 01'),
    ('Žilina', '010 01'),
    ('Nitra', '949 01'),
    ('Banská Bystrica', '974 01'),
    ('Trnava', '917 01'),
]
STREETS = [
    'Masarykova',
    'Husova',
    'Nádražní',
    'Palackého',
    'Komenského',
    'Průmyslová',
    'Hlavní',
    'Školní',
    'Štefánikova',
    'Žižkova',
    'Lidická',
    'Mlýnská',
]
FIRST_NAMES = [
    'Jan',
    'Petr',
    'Tomáš',
    'Martin',
    'Lukáš',
    'Jakub',
    'Pavel',
    'Jiří',
    'Marek',
    'Ondřej',
    'Jana',
    'Eva',
    'Lucie',
    'Petra',
    'Kateřina',
    'Veronika',
    'Zuzana',
    'Markéta',
    'Tereza',
    'Hana',
]
LAST_NAMES = [
    'Novák',
    'Svoboda',
    'Novotný',
    'Dvořák',
    'Černý',
    'Procházka',
    'Kučera',
    'Veselý',
    'Horák',
    'Němec',
    'Marek',
    'Pokorný',
    'Král',
    'Růžička',
    'Beneš',
    'Fiala',
    'Sedláček',
    'Kováč',
    'Baláž',
]
PRODUCTS = [
    ('Roční servisní smlouva', 48000.0),
    ('Instalace a zaškolení', 12500.0),
    ('Licence na uživatele', 3900.0),
    ('Konzultace (hodina)', 1450.0),
    ('Úprava na míru (den)', 9800.0),
    ('Technická podpora (měsíc)', 6500.0),
    ('Migrace dat', 22000.0),
    ('Školení (den)', 15000.0),
]
DEALS = [
    'Obnova licencí',
    'Rozšíření dodávky',
    'Nový projekt',
    'Servisní smlouva',
    'Pilotní nasazení',
    'Roční rámcová objednávka',
]
INTERACTION_SUBJECTS = [
    'Telefonát k nabídce',
    'Schůzka u zákazníka',
    'Zaslána cenová nabídka',
    'Upomínka splatnosti',
    'Podpis smlouvy',
    'Dotaz na dodací lhůtu',
    'Reklamace',
    'Předání projektu',
    'E-mail s podklady',
]


def company_name(rng, index):
    # The index keeps names unique however many companies a tier has.
    return f'{rng.choice(COMPANY_STEMS)}{rng.choice(COMPANY_PLACES).lower()} {index} {rng.choice(LEGAL_FORMS)}'


def street(rng):
    return f'{rng.choice(STREETS)} {rng.randint(1, 250)}'


def phone(rng):
    return f'+420 {rng.randint(600, 799)} {rng.randint(100, 999)} {rng.randint(100, 999)}'


def person(rng):
    first, last = rng.choice(FIRST_NAMES), rng.choice(LAST_NAMES)
    # Czech surnames of women take -ová; first names ending in -a are the women's names of the list.
    if first.endswith('a') and not last.endswith('ová'):
        last = (last[:-1] if last.endswith(('ý', 'a')) else last) + ('á' if last.endswith('ý') else 'ová')
    return first, last


def ascii_login(first, last):
    text = unicodedata.normalize('NFKD', f'{first}.{last}').encode('ascii', 'ignore').decode()
    return text.lower()


def salespeople(count):
    return [f'{FIRST_NAMES[index]} {LAST_NAMES[index]}' for index in range(count)]
