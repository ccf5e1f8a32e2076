#!/usr/bin/env python3
"""Generates Sluice's bundled sample corpus (corpus.jsonl), its gold manifest (manifest.json) and a few
plain-text copies (texts/). Standard library only, fixed seed: running it again gives byte-identical files.

Every value that has a checksum is computed, not copied: credit cards pass Luhn, IBANs pass mod-97 with the
right per-country length, UK NHS numbers pass mod-11, bitcoin addresses are real base58check / bech32
encodings of random hashes. Offsets are Unicode code points (Python string indices), end exclusive.

Usage: python3 conf/samples/generate_samples.py [--out DIR]   (DIR defaults to this script's folder)
"""
import argparse
import hashlib
import json
import os
import random
import string

SEED = 20261122

# --------------------------------------------------------------------------------------------------------
# Documents: text built piece by piece so each planted value's offsets are known exactly.
# --------------------------------------------------------------------------------------------------------


class Doc:
    """A document under construction: plain text plus the planted PII spans and decoys."""

    def __init__(self, kind):
        self.kind = kind
        self.parts = []
        self.length = 0  # in code points: Python str indices are code points
        self.entities = []
        self.decoys = []
        self.moderation = []

    def t(self, text):
        self.parts.append(text)
        self.length += len(text)
        return self

    def e(self, entity_type, value):
        self.entities.append({"type": entity_type, "value": value,
                              "start": self.length, "end": self.length + len(value)})
        return self.t(value)

    def decoy(self, looks_like, value):
        """A value that resembles an entity but is not one (a checksum fails, or it is a product code)."""
        self.decoys.append({"looks_like": looks_like, "value": value,
                            "start": self.length, "end": self.length + len(value)})
        return self.t(value)

    def text(self):
        return "".join(self.parts)


# --------------------------------------------------------------------------------------------------------
# Checksummed identifiers
# --------------------------------------------------------------------------------------------------------


def luhn_check_digit(digits):
    total = 0
    for i, ch in enumerate(reversed(digits)):
        d = int(ch)
        if i % 2 == 0:  # positions that get doubled once the check digit is appended
            d *= 2
            if d > 9:
                d -= 9
        total += d
    return str((10 - total % 10) % 10)


def luhn_valid(number):
    digits = [c for c in number if c.isdigit()]
    return luhn_check_digit("".join(digits[:-1])) == digits[-1]


CARD_BRANDS = [  # (brand, prefixes, length, grouping)
    ("Visa", ["4"], 16, (4, 4, 4, 4)),
    ("Mastercard", ["51", "52", "53", "54", "55", "2221", "2720"], 16, (4, 4, 4, 4)),
    ("American Express", ["34", "37"], 15, (4, 6, 5)),
    ("Discover", ["6011", "65"], 16, (4, 4, 4, 4)),
]


def credit_card(rng):
    brand, prefixes, length, groups = rng.choice(CARD_BRANDS)
    body = rng.choice(prefixes)
    while len(body) < length - 1:
        body += str(rng.randrange(10))
    number = body + luhn_check_digit(body)
    style = rng.choice(["space", "space", "dash", "plain"])
    if style == "plain":
        return brand, number
    out, pos = [], 0
    for g in groups:
        out.append(number[pos:pos + g])
        pos += g
    return brand, (" " if style == "space" else "-").join(out)


def iban_check_digits(country, bban):
    rearranged = bban + country + "00"
    numeric = "".join(str(int(c, 36)) for c in rearranged)
    return "%02d" % (98 - int(numeric) % 97)


def iban_valid(iban):
    s = iban.replace(" ", "")
    numeric = "".join(str(int(c, 36)) for c in s[4:] + s[:4])
    return int(numeric) % 97 == 1


def digits(rng, n):
    return "".join(rng.choice(string.digits) for _ in range(n))


def letters(rng, n):
    return "".join(rng.choice(string.ascii_uppercase) for _ in range(n))


def french_rib_key(bank, branch, account):
    return "%02d" % (97 - (89 * int(bank) + 15 * int(branch) + 3 * int(account)) % 97)


def bban_for(rng, country):
    if country == "DE":
        return digits(rng, 8) + digits(rng, 10)
    if country == "GB":
        return rng.choice(["NWBK", "BARC", "LOYD", "MIDL", "HBUK"]) + digits(rng, 6) + digits(rng, 8)
    if country == "FR":
        bank, branch, account = digits(rng, 5), digits(rng, 5), digits(rng, 11)
        return bank + branch + account + french_rib_key(bank, branch, account)
    if country == "NL":
        return rng.choice(["ABNA", "INGB", "RABO", "SNSB"]) + digits(rng, 10)
    if country == "ES":
        return digits(rng, 20)
    if country == "CH":
        return digits(rng, 5) + digits(rng, 12)
    if country == "IT":
        return rng.choice(string.ascii_uppercase) + digits(rng, 10) + digits(rng, 12)
    raise ValueError(country)


IBAN_LENGTHS = {"DE": 22, "GB": 22, "FR": 27, "NL": 18, "ES": 24, "CH": 21, "IT": 27}


def iban(rng, printed=None):
    country = rng.choice(list(IBAN_LENGTHS))
    bban = bban_for(rng, country)
    value = country + iban_check_digits(country, bban) + bban
    assert len(value) == IBAN_LENGTHS[country] and iban_valid(value)
    if printed if printed is not None else rng.random() < 0.6:
        value = " ".join(value[i:i + 4] for i in range(0, len(value), 4))
    return value


def us_ssn(rng):
    while True:
        area = rng.randint(1, 899)
        if area == 666:
            continue
        group, serial = rng.randint(1, 99), rng.randint(1, 9999)
        value = "%03d-%02d-%04d" % (area, group, serial)
        if len(set(value.replace("-", ""))) > 2:  # no 111-11-1111 style placeholders
            return value


ITIN_GROUPS = list(range(50, 66)) + list(range(70, 89)) + [90, 91, 92] + list(range(94, 100))


def us_itin(rng):
    return "9%02d-%02d-%04d" % (rng.randint(0, 99), rng.choice(ITIN_GROUPS), rng.randint(0, 9999))


def nhs_number(rng):
    while True:
        body = "4" + digits(rng, 8)  # England issues 400 000 0000 to 499 999 9999
        total = sum(int(d) * w for d, w in zip(body, range(10, 1, -1)))
        check = 11 - total % 11
        if check == 10:
            continue  # no valid check digit for this body
        number = body + str(0 if check == 11 else check)
        return "%s %s %s" % (number[:3], number[3:6], number[6:])


def nhs_valid(value):
    d = value.replace(" ", "")
    total = sum(int(x) * w for x, w in zip(d[:9], range(10, 1, -1)))
    check = 11 - total % 11
    return check != 10 and (0 if check == 11 else check) == int(d[9])


def us_passport(rng):
    return rng.choice(string.ascii_uppercase) + digits(rng, 8) if rng.random() < 0.4 else \
        str(rng.randint(1, 9)) + digits(rng, 8)


def us_driver_license(rng):
    state, fmt = rng.choice([("California", "L7"), ("Florida", "L12"), ("Illinois", "L11"),
                             ("New York", "D9"), ("Texas", "D8"), ("Washington", "WDL")])
    if fmt == "L7":
        return state, letters(rng, 1) + digits(rng, 7)
    if fmt == "L12":
        return state, letters(rng, 1) + digits(rng, 12)
    if fmt == "L11":
        return state, letters(rng, 1) + digits(rng, 11)
    if fmt == "WDL":
        return state, "WDL" + "".join(rng.choice(string.ascii_uppercase + string.digits) for _ in range(9))
    return state, digits(rng, int(fmt[1:]))


def bank_account(rng):
    return digits(rng, rng.choice([8, 10, 11, 12, 14]))


B58 = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz"


def base58check(version, payload):
    raw = bytes([version]) + payload
    raw += hashlib.sha256(hashlib.sha256(raw).digest()).digest()[:4]
    n = int.from_bytes(raw, "big")
    out = ""
    while n:
        n, r = divmod(n, 58)
        out = B58[r] + out
    return "1" * (len(raw) - len(raw.lstrip(b"\0"))) + out


BECH32 = "qpzry9x8gf2tvdw0s3jn54khce6mua7l"


def bech32_polymod(values):
    gen = [0x3b6a57b2, 0x26508e6d, 0x1ea119fa, 0x3d4233dd, 0x2a1462b3]
    chk = 1
    for v in values:
        top = chk >> 25
        chk = (chk & 0x1ffffff) << 5 ^ v
        for i in range(5):
            chk ^= gen[i] if (top >> i) & 1 else 0
    return chk


def bech32_hrp_expand(hrp):
    return [ord(x) >> 5 for x in hrp] + [0] + [ord(x) & 31 for x in hrp]


def convert_bits(data, from_bits, to_bits):
    acc, bits, out, maxv = 0, 0, [], (1 << to_bits) - 1
    for value in data:
        acc = (acc << from_bits) | value
        bits += from_bits
        while bits >= to_bits:
            bits -= to_bits
            out.append((acc >> bits) & maxv)
    if bits:
        out.append((acc << (to_bits - bits)) & maxv)
    return out


def segwit_v0_address(program):
    data = [0] + convert_bits(program, 8, 5)
    polymod = bech32_polymod(bech32_hrp_expand("bc") + data + [0] * 6) ^ 1
    checksum = [(polymod >> 5 * (5 - i)) & 31 for i in range(6)]
    return "bc1" + "".join(BECH32[d] for d in data + checksum)


def bitcoin_address(rng):
    program = bytes(rng.randrange(256) for _ in range(20))
    kind = rng.choice(["p2pkh", "p2sh", "bech32"])
    if kind == "p2pkh":
        return base58check(0x00, program)
    if kind == "p2sh":
        return base58check(0x05, program)
    return segwit_v0_address(program)


# --------------------------------------------------------------------------------------------------------
# People, places, organisations, contact details
# --------------------------------------------------------------------------------------------------------

FIRST = ["James", "Maria", "Aisha", "Liam", "Sofia", "Chen", "Priya", "Mateo", "Olivia", "Kwame", "Hannah",
         "Yusuf", "Elena", "Daniel", "Mei", "Oluwaseun", "Lukas", "Camille", "Rahul", "Fatima", "Noah", "Ingrid",
         "Diego", "Grace", "Hiroshi", "Amara", "Tomasz", "Isabel", "Samuel", "Leila", "Connor", "Ana", "Viktor",
         "Nadia", "Ethan", "Zara", "Marcus", "Chloe", "Ravi", "Beatriz", "Owen", "Yara", "Felix", "Siobhan"]
LAST = ["Thompson", "Garcia", "Okafor", "Schneider", "Nguyen", "Patel", "Rossi", "Kowalski", "O'Brien",
        "Fernandez", "Müller", "Haddad", "Johansson", "Kim", "Dubois", "Mensah", "Walker", "Novak", "Tanaka",
        "Silva", "Murphy", "Ahmed", "van der Berg", "Clarke", "Ibrahim", "Larsen", "Moreau", "Chandra",
        "Hughes", "Santos", "Becker", "Wright", "Adeyemi", "Lindqvist", "Romero", "Fitzgerald", "Zhang"]
ORGS = ["Northwind Logistics", "Brightwater Health", "Keller & Söhne GmbH", "Halcyon Insurance",
        "Bluepeak Software", "Riverside Community Bank", "Atlas Freight Ltd", "Meridian Dental Group",
        "Copperleaf Analytics", "St. Anne's Hospital", "Greenfield Energy", "Orion Telecom",
        "Harbor & Vine Legal LLP", "Lumen Learning Labs", "Fairmont Credit Union", "Sable Systems Inc.",
        "Crestline Pharmacy", "Tidewater Property Management", "Verano Foods S.A.", "Pinecrest Medical Center"]
EMAIL_DOMAINS = ["gmail.com", "outlook.com", "yahoo.co.uk", "proton.me", "web.de", "orange.fr", "icloud.com",
                 "fastmail.com"]
COMPANY_DOMAINS = ["northwind-logistics.com", "brightwaterhealth.org", "keller-soehne.de", "halcyon-ins.com",
                   "bluepeak.io", "riversidebank.com", "atlasfreight.co.uk", "meridiandental.net",
                   "copperleaf.ai", "orion-telecom.com", "lumenlabs.edu", "sablesystems.com"]

US_CITIES = [("Denver", "CO", "802"), ("Austin", "TX", "787"), ("Portland", "OR", "972"),
             ("Columbus", "OH", "432"), ("Raleigh", "NC", "276"), ("Madison", "WI", "537"),
             ("Sacramento", "CA", "958"), ("Boston", "MA", "021"), ("Seattle", "WA", "981"),
             ("Atlanta", "GA", "303"), ("Phoenix", "AZ", "850"), ("Chicago", "IL", "606")]
US_STREETS = ["Maple Avenue", "Oak Street", "Cedar Lane", "Elm Street", "Lakeview Drive", "Pine Road",
              "Washington Boulevard", "Highland Avenue", "Sunset Drive", "Mill Creek Road", "Park Place"]
UK_PLACES = [("London", "SE1 7PB"), ("Manchester", "M1 4BT"), ("Leeds", "LS2 9JT"), ("Bristol", "BS1 5TR"),
             ("Edinburgh", "EH1 1YZ"), ("Cardiff", "CF10 1EP"), ("Glasgow", "G2 3AX")]
UK_STREETS = ["Victoria Road", "Church Lane", "Station Road", "Queen's Gardens", "Kingsway", "Mill Lane"]
DE_PLACES = [("Berlin", "10115"), ("München", "80331"), ("Hamburg", "20095"), ("Köln", "50667"),
             ("Frankfurt am Main", "60311")]
DE_STREETS = ["Hauptstraße", "Gartenweg", "Bahnhofstraße", "Lindenallee", "Schillerstraße"]
FR_PLACES = [("Paris", "75011"), ("Lyon", "69002"), ("Marseille", "13001"), ("Toulouse", "31000")]
FR_STREETS = ["rue de la République", "avenue Victor Hugo", "boulevard Voltaire", "rue des Lilas"]
COUNTRIES = ["Germany", "France", "the Netherlands", "Spain", "Canada", "Ireland", "India", "Japan",
             "Brazil", "Kenya", "Australia", "Switzerland", "Mexico", "Poland", "Portugal"]
CITIES = ["Lisbon", "Toronto", "Nairobi", "Melbourne", "Osaka", "Dublin", "Rotterdam", "Kraków", "Mumbai",
          "São Paulo", "Zürich", "Guadalajara", "Vancouver", "Barcelona"]
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December"]


def person(rng):
    return rng.choice(FIRST) + " " + rng.choice(LAST)


def ascii_fold(s):
    table = {"ü": "ue", "ö": "oe", "ä": "ae", "ß": "ss", "é": "e", "ã": "a", "ó": "o", "'": "", " ": ""}
    return "".join(table.get(c, c) for c in s.lower())


def email_for(rng, name, domain=None):
    first, last = name.split(" ", 1)
    local = rng.choice(["{f}.{l}", "{f}{l}", "{i}{l}", "{f}_{l}{n}", "{l}.{f}"]).format(
        f=ascii_fold(first), l=ascii_fold(last), i=ascii_fold(first)[0], n=rng.randint(1, 99))
    return local + "@" + (domain or rng.choice(EMAIL_DOMAINS))


US_AREAS = ["212", "303", "312", "415", "512", "617", "206", "404", "713", "503", "614", "919"]


def phone(rng, country=None):
    """A phone number in one of several national formats, with its two-letter region."""
    country = country or rng.choice(["US", "US", "US", "GB", "GB", "DE", "FR", "IN", "AU", "NL", "JP"])
    if country == "US":
        area, exch, line = rng.choice(US_AREAS), str(rng.randint(2, 9)) + digits(rng, 2), digits(rng, 4)
        while exch[1:] == "11" or exch == "555":
            exch = str(rng.randint(2, 9)) + digits(rng, 2)
        fmt = rng.choice(["({a}) {e}-{l}", "{a}-{e}-{l}", "+1 {a} {e} {l}", "{a}.{e}.{l}", "+1 ({a}) {e}-{l}"])
        return country, fmt.format(a=area, e=exch, l=line)
    if country == "GB":
        if rng.random() < 0.5:
            rest = "7" + str(rng.randint(2, 9)) + digits(rng, 2) + " " + digits(rng, 4)
            return country, rng.choice(["020 ", "+44 20 "]) + rest
        mobile = "79" + str(rng.randint(2, 9)) + digits(rng, 1) + " " + digits(rng, 6)
        return country, rng.choice(["0" + mobile, "+44 " + mobile])
    if country == "DE":
        if rng.random() < 0.5:
            return country, rng.choice(["+49 30 ", "030 "]) + digits(rng, 4) + " " + digits(rng, 4)
        if rng.random() < 0.3:  # 0170 numbers have seven digits after the prefix, 0151 eight
            return country, rng.choice(["+49 170 ", "0170 "]) + digits(rng, 3) + " " + digits(rng, 4)
        return country, rng.choice(["+49 151 ", "0151 "]) + digits(rng, 4) + " " + digits(rng, 4)
    if country == "FR":
        lead = rng.choice(["1", "6", "7"])
        first = str(rng.randint(3, 9)) + digits(rng, 1) if lead == "7" else digits(rng, 2)  # 070-072 unassigned
        pairs = " ".join([first] + [digits(rng, 2) for _ in range(3)])
        return country, rng.choice(["+33 " + lead + " ", "0" + lead + " "]) + pairs
    if country == "IN":
        return country, "+91 " + rng.choice("6789") + digits(rng, 4) + " " + digits(rng, 5)
    if country == "AU":
        if rng.random() < 0.5:
            return country, "04" + rng.choice("0123") + digits(rng, 1) + " " + digits(rng, 3) + " " + digits(rng, 3)
        return country, "+61 2 9" + digits(rng, 3) + " " + digits(rng, 4)
    if country == "NL":
        return country, rng.choice(["+31 20 ", "020 "]) + digits(rng, 3) + " " + digits(rng, 4)
    if country == "JP":
        return country, "+81 3-" + str(rng.randint(1, 9)) + digits(rng, 3) + "-" + digits(rng, 4)
    raise ValueError(country)


def add_phone(doc, rng, country=None):
    region, value = phone(rng, country)
    doc.e("PHONE_NUMBER", value)
    doc.entities[-1]["region"] = region
    return value


def street_address(rng, multiline=None, country=None):
    """A postal address; STREET_ADDRESS covers street through postcode (and country line when present)."""
    country = country or rng.choice(["US", "US", "US", "GB", "DE", "FR"])
    multi = rng.random() < 0.5 if multiline is None else multiline
    sep = "\n" if multi else ", "
    if country == "US":
        city, state, zip3 = rng.choice(US_CITIES)
        street = "%d %s" % (rng.randint(10, 9899), rng.choice(US_STREETS))
        if rng.random() < 0.3:
            street += rng.choice([", Apt ", ", Suite ", " #"]) + str(rng.randint(2, 950))
        return street + sep + "%s, %s %s%s" % (city, state, zip3, digits(rng, 2))
    if country == "GB":
        city, postcode = rng.choice(UK_PLACES)
        street = "%d %s" % (rng.randint(1, 240), rng.choice(UK_STREETS))
        return street + sep + city + sep + postcode + (sep + "United Kingdom" if multi and rng.random() < 0.5 else "")
    if country == "DE":
        city, plz = rng.choice(DE_PLACES)
        return "%s %d" % (rng.choice(DE_STREETS), rng.randint(1, 120)) + sep + plz + " " + city + \
            (sep + "Deutschland" if multi else "")
    city, cp = rng.choice(FR_PLACES)
    return "%d %s" % (rng.randint(1, 90), rng.choice(FR_STREETS)) + sep + cp + " " + city + \
        (sep + "France" if multi else "")


def a_date(rng, with_time=None):
    y, m, d = rng.choice([2025, 2026, 2026]), rng.randint(1, 12), rng.randint(1, 28)
    style = rng.choice(["long", "iso", "us", "eu", "day-first"])
    value = {"long": "%s %d, %d" % (MONTHS[m - 1], d, y), "iso": "%d-%02d-%02d" % (y, m, d),
             "us": "%02d/%02d/%d" % (m, d, y), "eu": "%02d.%02d.%d" % (d, m, y),
             "day-first": "%d %s %d" % (d, MONTHS[m - 1], y)}[style]
    if with_time if with_time is not None else rng.random() < 0.3:
        value += rng.choice([" at %d:%02d %s" % (rng.randint(1, 12), rng.choice([0, 15, 30, 45]),
                                                 rng.choice(["AM", "PM"])),
                             " %02d:%02d" % (rng.randint(7, 18), rng.choice([0, 15, 30, 45]))])
    return value


def dob(rng):
    y, m, d = rng.randint(1948, 2004), rng.randint(1, 12), rng.randint(1, 28)
    return rng.choice(["%02d/%02d/%d" % (m, d, y), "%d-%02d-%02d" % (y, m, d), "%s %d, %d" % (MONTHS[m - 1], d, y)])


def ipv4(rng):
    first = rng.choice([23, 45, 62, 81, 94, 104, 151, 172, 185, 203, 212])
    return "%d.%d.%d.%d" % (first, rng.randint(0, 255), rng.randint(0, 255), rng.randint(1, 254))


def ipv6(rng):
    groups = ["2001", "db8"] if rng.random() < 0.3 else ["2a02", "%x" % rng.randint(0x1000, 0xffff)]
    groups += ["%x" % rng.randint(0, 0xffff) for _ in range(6)]
    if rng.random() < 0.5:  # compressed form: drop a run of zeros
        return ":".join(groups[:3]) + "::" + ":".join(groups[5:])
    return ":".join(groups)


def mac(rng):
    sep, fmt = rng.choice([":", "-"]), rng.choice(["%02X", "%02x"])
    return sep.join(fmt % rng.randrange(256) for _ in range(6))


def amount(rng, lo=20, hi=4000):
    return "%s%d.%02d" % (rng.choice(["$", "€", "£"]), rng.randint(lo, hi), rng.randint(0, 99))


def ref_code(rng, prefix):
    """Internal references shaped so no recognizer should fire: letters, dashes, short digit runs."""
    return "%s-%s%d-%s" % (prefix, letters(rng, 2), rng.randint(1, 9), digits(rng, 4))


# --------------------------------------------------------------------------------------------------------
# Templates, one function per document kind. Each writes into a Doc.
# --------------------------------------------------------------------------------------------------------


def email_doc(rng):
    d = Doc("email")
    sender, recipient = person(rng), person(rng)
    org, domain = rng.choice(ORGS), rng.choice(COMPANY_DOMAINS)
    d.t("From: ").e("PERSON", sender).t(" <").e("EMAIL_ADDRESS", email_for(rng, sender, domain)).t(">\n")
    d.t("To: ").e("PERSON", recipient).t(" <").e("EMAIL_ADDRESS", email_for(rng, recipient)).t(">\n")
    d.t("Date: ").e("DATE_TIME", a_date(rng, with_time=True)).t("\n")
    variant = rng.randrange(5)
    if variant == 0:
        d.t("Subject: Updated contact details\n\nHi ").e("PERSON", recipient.split()[0]).t(",\n\n")
        d.t("Please note that I have moved. My new address is:\n\n").e("STREET_ADDRESS", street_address(rng, True))
        d.t("\n\nYou can reach me on ")
        add_phone(d, rng)
        d.t(" during office hours. My work email stays the same.\n\nBest regards,\n").e("PERSON", sender)
        d.t("\n").e("ORGANIZATION", org).t("\n")
    elif variant == 1:
        d.t("Subject: Refund for order ").t(ref_code(rng, "ORD")).t("\n\nHello,\n\n")
        brand, card = credit_card(rng)
        d.t("I was charged twice for the same order. The payment was made with my %s card " % brand)
        d.e("CREDIT_CARD", card).t(". Could you refund the duplicate charge of ").t(amount(rng)).t(
            " to that card? If a bank transfer is easier, my IBAN is ").e("IBAN_CODE", iban(rng)).t(".\n\n")
        d.t("Thanks,\n").e("PERSON", sender).t("\n")
        add_phone(d, rng)
        d.t("\n")
    elif variant == 2:
        d.t("Subject: Conference travel\n\nDear ").e("PERSON", recipient).t(",\n\n")
        d.t("I am delighted to confirm your place at the annual summit in ").e("LOCATION", rng.choice(CITIES))
        d.t(", ").e("LOCATION", rng.choice(COUNTRIES)).t(". The opening session starts on ")
        d.e("DATE_TIME", a_date(rng, with_time=True)).t(". Registration details are on ")
        d.e("URL", "https://events.%s/summit/register" % domain).t(".\n\n")
        d.t("For the visa letter we need your passport number; the one on file is ")
        d.e("US_PASSPORT", us_passport(rng)).t(". Please confirm it is still valid.\n\nKind regards,\n")
        d.e("PERSON", sender).t("\nEvents team, ").e("ORGANIZATION", org).t("\n")
    elif variant == 3:
        d.t("Subject: Re: lunch\n\nhey ").e("PERSON", recipient.split()[0].lower()).t("! ")
        d.t("are we still on for lunch? the new place is at ").e("STREET_ADDRESS", street_address(rng, False))
        d.t(". text me at ")
        add_phone(d, rng)
        d.t(" if you're running late.\n\n").e("PERSON", sender.split()[0]).t("\n")
    else:
        d.t("Subject: Introduction\n\nHi ").e("PERSON", recipient.split()[0]).t(",\n\n")
        colleague = person(rng)
        d.t("I'd like to introduce ").e("PERSON", colleague).t(", who recently joined ").e("ORGANIZATION", org)
        d.t(" from ").e("ORGANIZATION", rng.choice(ORGS)).t(" in ").e("LOCATION", rng.choice(CITIES))
        d.t(". You can write to them at ").e("EMAIL_ADDRESS", email_for(rng, colleague, domain))
        d.t(" or call ")
        add_phone(d, rng)
        d.t(". Their profile is at ").e("URL", "https://www.%s/team/%s" % (domain, ascii_fold(colleague.split()[1])))
        d.t(".\n\nCheers,\n").e("PERSON", sender).t("\n")
    return d


def ticket_doc(rng):
    d = Doc("support_ticket")
    customer = person(rng)
    d.t("Ticket #%d | Priority: %s | Channel: %s\n" % (rng.randint(10000, 99999),
                                                          rng.choice(["Low", "Normal", "High", "Urgent"]),
                                                          rng.choice(["web form", "email", "phone"])))
    d.t("Opened: ").e("DATE_TIME", a_date(rng, with_time=True)).t("\nCustomer: ").e("PERSON", customer)
    d.t("\nEmail: ").e("EMAIL_ADDRESS", email_for(rng, customer)).t("\n\n")
    variant = rng.randrange(5)
    if variant == 0:
        d.t("Description: I can't log in since the password reset. The login page at ")
        d.e("URL", "https://app.%s/login" % rng.choice(COMPANY_DOMAINS))
        d.t(" says my account is locked. I tried from my home IP ").e("IP_ADDRESS", ipv4(rng))
        d.t(" and from the office. Please call me back on ")
        add_phone(d, rng)
        state, licence = us_driver_license(rng)
        d.t(".\n\nAgent note: identity verified with date of birth ").e("DATE_TIME", dob(rng))
        d.t(" and %s driver licence " % state).e("US_DRIVER_LICENSE", licence).t(". Account unlocked.\n")
    elif variant == 1:
        d.t("Description: My parcel never arrived. Delivery address on the order:\n")
        d.e("STREET_ADDRESS", street_address(rng, True)).t("\n")
        d.t("Order reference ").t(ref_code(rng, "WEB")).t(". The tracking page shows it was handed to a neighbour.\n")
        d.t("\nAgent note: replacement shipped, customer informed by phone (")
        add_phone(d, rng)
        d.t(").\n")
    elif variant == 2:
        d.t("Description: The router keeps dropping the connection. Device MAC ").e("MAC_ADDRESS", mac(rng))
        d.t(", WAN address ").e("IP_ADDRESS", ipv4(rng)).t(", IPv6 ").e("IP_ADDRESS", ipv6(rng))
        d.t(". Firmware is current.\n\nAgent note: line test scheduled; engineer visit booked for ")
        d.e("DATE_TIME", a_date(rng, with_time=True)).t(".\n")
    elif variant == 3:
        brand, card = credit_card(rng)
        d.t("Description: Please cancel my subscription and stop charging ").e("CREDIT_CARD", card)
        d.t(". I asked for this by phone already. My billing address is ").e("STREET_ADDRESS", street_address(rng, False))
        d.t(".\n\nAgent note: cancelled, prorated refund of ").t(amount(rng, 5, 80)).t(" issued.\n")
    else:
        d.t("Description: I need to update the name on my account from ").e("PERSON", customer)
        new_name = customer.split()[0] + " " + rng.choice(LAST)
        d.t(" to ").e("PERSON", new_name).t(" after my marriage. My new contact email is ")
        d.e("EMAIL_ADDRESS", email_for(rng, new_name)).t(".\n\nAgent note: requested a copy of the certificate.\n")
    return d


def chat_doc(rng):
    d = Doc("chat_log")
    a, b = person(rng), person(rng)
    an, bn = a.split()[0], b.split()[0]
    clock = [rng.randint(8, 20), rng.randint(0, 40)]

    def line(who):
        clock[1] += rng.randint(0, 3)
        d.t("[").e("DATE_TIME", "%02d:%02d" % tuple(clock)).t("] ").e("PERSON", who).t(": ")

    variant = rng.randrange(4)
    if variant == 0:
        line(an); d.t("hey, do you have the landlord's number?\n")
        line(bn); d.t("yeah it's ")
        add_phone(d, rng)
        d.t(", his name is ").e("PERSON", person(rng)).t("\n")
        line(an); d.t("thanks!! and the flat is ").e("STREET_ADDRESS", street_address(rng, False)).t(" right?\n")
        line(bn); d.t("yep, flat 2 on the left\n")
    elif variant == 1:
        line(an); d.t("can you send me your bank details for the concert tickets?\n")
        line(bn); d.t("sure: ").e("IBAN_CODE", iban(rng)).t(" (").e("PERSON", b).t(")\n")
        line(an); d.t("sent ").t(amount(rng, 30, 200)).t(", should be there by ").e("DATE_TIME", a_date(rng, False)).t("\n")
        line(bn); d.t("perfect 👍\n")
    elif variant == 2:
        line(an); d.t("the staging box is up, ssh to ").e("IP_ADDRESS", ipv4(rng)).t("\n")
        line(bn); d.t("which user?\n")
        line(an); d.t("deploy. dashboard is on ").e("URL", "http://%s:8080/status" % ipv4(rng)).t("\n")
        line(bn); d.t("got it. I'll ping ").e("PERSON", person(rng)).t(" at ").e("ORGANIZATION", rng.choice(ORGS))
        d.t(" about the DNS for ").e("DOMAIN_NAME", "staging." + rng.choice(COMPANY_DOMAINS)).t("\n")
    else:
        line(an); d.t("my new email is ").e("EMAIL_ADDRESS", email_for(rng, a)).t(", old one is dead\n")
        line(bn); d.t("noted. are you still in ").e("LOCATION", rng.choice(CITIES)).t("?\n")
        line(an); d.t("no, moved to ").e("LOCATION", rng.choice(CITIES)).t(". call me: ")
        add_phone(d, rng)
        d.t("\n")
        line(bn); d.t("will do 😊\n")
    return d


def hr_doc(rng):
    d = Doc("hr_note")
    employee, manager = person(rng), person(rng)
    org = rng.choice(ORGS)
    d.t("CONFIDENTIAL — HR record, ").e("ORGANIZATION", org).t("\n\n")
    d.t("Employee: ").e("PERSON", employee).t("\nManager: ").e("PERSON", manager).t("\n")
    variant = rng.randrange(3)
    if variant == 0:
        d.t("Date of birth: ").e("DATE_TIME", dob(rng)).t("\nSSN: ").e("US_SSN", us_ssn(rng))
        d.t("\nPassport number: ").e("US_PASSPORT", us_passport(rng))
        d.t("\nHome address:\n").e("STREET_ADDRESS", street_address(rng, True, "US")).t("\n")
        d.t("Payroll: direct deposit to checking account number ").e("US_BANK_NUMBER", bank_account(rng))
        d.t(".\nStart date: ").e("DATE_TIME", a_date(rng, False)).t("\n")
    elif variant == 1:
        d.t("Note from meeting on ").e("DATE_TIME", a_date(rng, False)).t(": ")
        d.e("PERSON", employee.split()[0]).t(" requested remote work from ").e("LOCATION", rng.choice(COUNTRIES))
        d.t(" for three months. Emergency contact: ").e("PERSON", person(rng)).t(", ")
        add_phone(d, rng)
        d.t(". Approved pending tax review; contractor ITIN on file ").e("US_ITIN", us_itin(rng)).t(".\n")
    else:
        state, licence = us_driver_license(rng)
        d.t("Company car allocation. %s driver's license number " % state).e("US_DRIVER_LICENSE", licence)
        d.t(", verified by ").e("PERSON", manager).t(" on ").e("DATE_TIME", a_date(rng, False))
        d.t(". Fuel card billed to the cost centre. Personal email for the policy documents: ")
        d.e("EMAIL_ADDRESS", email_for(rng, employee)).t("\n")
    return d


def invoice_doc(rng):
    d = Doc("invoice")
    org, customer = rng.choice(ORGS), person(rng)
    d.t("INVOICE ").t(ref_code(rng, "INV")).t("\n").e("ORGANIZATION", org).t("\n")
    d.e("STREET_ADDRESS", street_address(rng, True)).t("\nVAT: see footer\n\n")
    d.t("Bill to:\n").e("PERSON", customer).t("\n").e("STREET_ADDRESS", street_address(rng, True)).t("\n\n")
    d.t("Invoice date: ").e("DATE_TIME", a_date(rng, False)).t("\nDue date: ").e("DATE_TIME", a_date(rng, False)).t("\n\n")
    d.t("Item                      Qty   Price\n")
    for _ in range(rng.randint(2, 4)):
        item = rng.choice(["Consulting hours", "Annual licence", "Support plan", "Hardware kit", "Training day",
                           "Cloud storage (1 TB)", "Onsite visit"])
        d.t("%-25s %3d   %s\n" % (item, rng.randint(1, 12), amount(rng, 40, 900)))
    d.t("\nTotal due: ").t(amount(rng, 500, 9000)).t("\n\n")
    if rng.random() < 0.6:
        d.t("Pay by bank transfer to ").e("IBAN_CODE", iban(rng)).t(", reference ").t(ref_code(rng, "INV")).t(".\n")
    else:
        d.t("Pay to account number ").e("US_BANK_NUMBER", bank_account(rng)).t(" at ").e("ORGANIZATION", "Riverside Community Bank")
        d.t(".\n")
    d.t("Questions: ").e("EMAIL_ADDRESS", "billing@" + rng.choice(COMPANY_DOMAINS)).t(" or ")
    add_phone(d, rng)
    d.t("\n")
    return d


def meeting_doc(rng):
    d = Doc("meeting_notes")
    people = [person(rng) for _ in range(rng.randint(3, 5))]
    d.t("Meeting notes — ").e("DATE_TIME", a_date(rng, True)).t("\nAttendees: ")
    for i, p in enumerate(people):
        if i:
            d.t(", ")
        d.e("PERSON", p)
    d.t("\n\n1. Status\n")
    d.e("PERSON", people[0].split()[0]).t(" reported the migration to the new data centre in ")
    d.e("LOCATION", rng.choice(CITIES)).t(" is on track.\n")
    d.t("2. Partners\n").e("PERSON", people[1].split()[0]).t(" met ").e("ORGANIZATION", rng.choice(ORGS))
    contact = person(rng)
    d.t("; their contact is ").e("PERSON", contact).t(" (").e("EMAIL_ADDRESS", email_for(rng, contact, rng.choice(COMPANY_DOMAINS)))
    d.t(").\n3. Actions\n- ").e("PERSON", people[-1].split()[0]).t(" to share the draft on ").e("URL", "https://wiki.%s/projects/roadmap" % rng.choice(COMPANY_DOMAINS))
    d.t("\n- Next review on ").e("DATE_TIME", a_date(rng, False)).t("\n")
    return d


def shipping_doc(rng):
    d = Doc("shipping_notice")
    customer, carrier = person(rng), rng.choice(["Atlas Freight Ltd", "Northwind Logistics"])
    d.t("Your order has shipped!\n\nHello ").e("PERSON", customer.split()[0]).t(",\n\n")
    d.t("Good news: order ").t(ref_code(rng, "SO")).t(" left our warehouse with ").e("ORGANIZATION", carrier)
    # Carriers print labels in capitals: names and addresses must be found without their usual casing.
    label = str.upper if rng.random() < 0.3 else str
    d.t(". Expected delivery: ").e("DATE_TIME", a_date(rng, False)).t(".\n\n" + label("Ship to:") + "\n")
    d.e("PERSON", label(customer)).t("\n").e("STREET_ADDRESS", label(street_address(rng, True))).t("\n\n")
    d.t("Tracking: ").decoy("US_BANK_NUMBER", "TRK" + letters(rng, 2) + digits(rng, 9) + letters(rng, 2))
    d.t("\nTrack online: ").e("URL", "https://track.%s/?id=%s" % (rng.choice(COMPANY_DOMAINS), letters(rng, 6)))
    d.t("\nThe driver may call you on ")
    add_phone(d, rng)
    d.t(".\n")
    return d


def medical_doc(rng):
    d = Doc("medical_reminder")
    patient, doctor = person(rng), person(rng)
    clinic = rng.choice(["Brightwater Health", "Meridian Dental Group", "St. Anne's Hospital",
                         "Pinecrest Medical Center"])
    d.t("Appointment reminder from ").e("ORGANIZATION", clinic).t("\n\nDear ").e("PERSON", patient).t(",\n\n")
    uk = rng.random() < 0.5  # NHS patients get a UK clinic and phone number
    d.t("This is a reminder of your appointment with Dr. ").e("PERSON", doctor.split()[1]).t(" on ")
    d.e("DATE_TIME", a_date(rng, True)).t(" at:\n")
    d.e("STREET_ADDRESS", street_address(rng, True, "GB" if uk else "US")).t("\n\n")
    if uk:
        d.t("NHS number: ").e("UK_NHS", nhs_number(rng)).t("\nDate of birth: ").e("DATE_TIME", dob(rng)).t("\n")
    else:
        d.t("Insurance member: ").e("PERSON", patient).t(", DOB ").e("DATE_TIME", dob(rng)).t("\n")
    d.t("\nTo reschedule, call ")
    add_phone(d, rng, "GB" if uk else "US")
    d.t(" or reply to ").e("EMAIL_ADDRESS", "appointments@" + rng.choice(COMPANY_DOMAINS)).t(
        ". Please arrive ten minutes early and bring a list of your current medication.\n")
    return d


def bank_doc(rng):
    d = Doc("bank_notice")
    customer = person(rng)
    bank = rng.choice(["Riverside Community Bank", "Fairmont Credit Union"])
    d.e("ORGANIZATION", bank).t(" — Account notice\n\n").e("PERSON", customer).t("\n")
    d.e("STREET_ADDRESS", street_address(rng, True)).t("\n\n")
    variant = rng.randrange(3)
    if variant == 0:
        d.t("We noticed a payment of ").t(amount(rng)).t(" from your card ending in %s on " % digits(rng, 4))
        d.e("DATE_TIME", a_date(rng, True)).t(" from IP address ").e("IP_ADDRESS", ipv4(rng))
        d.t(". If this was not you, call us on ")
        add_phone(d, rng, "US")
        d.t(" and quote account number ").e("US_BANK_NUMBER", bank_account(rng)).t(".\n")
    elif variant == 1:
        d.t("Your statement for the period ending ").e("DATE_TIME", a_date(rng, False))
        d.t(" is ready. Account number: ").e("US_BANK_NUMBER", bank_account(rng))
        d.t("\nInternational transfers: IBAN ").e("IBAN_CODE", iban(rng)).t("\n")
        d.t("Tax ID on file (SSN): ").e("US_SSN", us_ssn(rng)).t("\n")
    else:
        brand, card = credit_card(rng)
        d.t("Your replacement %s card " % brand).e("CREDIT_CARD", card)
        d.t(" was mailed on ").e("DATE_TIME", a_date(rng, False)).t(". Activate it at ")
        d.e("URL", "https://secure.riversidebank.com/activate").t(". We will never ask for your PIN by email.\n")
    return d


def it_doc(rng):
    d = Doc("it_incident")
    engineer = person(rng)
    d.t("Incident ").t(ref_code(rng, "INC")).t(" — suspicious logins\nReported by: ").e("PERSON", engineer)
    d.t(" (").e("EMAIL_ADDRESS", email_for(rng, engineer, rng.choice(COMPANY_DOMAINS))).t(")\nFirst seen: ")
    d.e("DATE_TIME", a_date(rng, True)).t("\n\nTimeline:\n")
    for _ in range(rng.randint(2, 4)):
        d.t("- failed login from ").e("IP_ADDRESS", ipv4(rng) if rng.random() < 0.7 else ipv6(rng))
        d.t(" (device ").e("MAC_ADDRESS", mac(rng)).t(")\n")
    d.t("\nBlocked at the firewall; the phishing page was hosted on ").e("DOMAIN_NAME", "secure-login-%s.net" % letters(rng, 4).lower())
    d.t(" and linked as ").e("URL", "http://%s.example-cdn.net/verify" % letters(rng, 5).lower()).t(".\n")
    d.t("Build of the agent: ").decoy("IP_ADDRESS", "%d.%d.%d.%d" % (rng.randint(3, 9), rng.randint(0, 9), rng.randint(300, 999), rng.randint(0, 9)))
    d.t(" (not an address).\n")
    return d


def crypto_doc(rng):
    d = Doc("crypto_payment")
    customer = person(rng)
    d.t("Payment instructions for ").e("PERSON", customer).t("\n\n")
    d.t("Please send the deposit in bitcoin to ").e("CRYPTO", bitcoin_address(rng)).t(".\n")
    d.t("Refunds go back to the address you paid from; yours is ").e("CRYPTO", bitcoin_address(rng)).t(".\n")
    d.t("Confirmation will be emailed to ").e("EMAIL_ADDRESS", email_for(rng, customer)).t(" after two confirmations.\n")
    return d


def offset_doc(rng):
    """Emoji, combined emoji and non-Latin scripts before the PII, so UTF-16 vs code-point bugs show."""
    d = Doc("offset_test")
    openers = ["🎉🎉 Поздравляем! 恭喜! ", "👨‍👩‍👧‍👦 家族の連絡先 — ", "🇩🇪🇫🇷 مرحبا بكم · नमस्ते 🙏 ", "𝒮𝓁𝓊𝒾𝒸ℯ 🚀 test ",
               "😀😃😄 Ελληνικά και עברית ", "🧾 קבלה 收据 영수증 "]
    d.t(rng.choice(openers) + "\n")
    name = person(rng)
    d.t("Contact ").e("PERSON", name).t(" 📧 ").e("EMAIL_ADDRESS", email_for(rng, name)).t(" ☎️ ")
    add_phone(d, rng)
    d.t("\n💳 ").e("CREDIT_CARD", credit_card(rng)[1]).t(" 🏦 ").e("IBAN_CODE", iban(rng, printed=False))
    d.t("\n📍 ").e("STREET_ADDRESS", street_address(rng, False)).t(" — 住所 ").e("LOCATION", rng.choice(CITIES)).t(" 🗺️\n")
    return d


NO_PII = [
    "Weekly tip: to keep your laptop battery healthy, avoid leaving it at 100% charge for long periods and let it "
    "cool down before storing it in a bag. Most modern devices manage charging automatically if you enable the "
    "battery care setting.",
    "Recipe: lentil soup. Soften one chopped onion, two carrots and a celery stick in olive oil. Add a cup of red "
    "lentils, a tin of tomatoes and a litre of stock. Simmer for twenty-five minutes, season, and blend half of it "
    "for a creamy texture.",
    "Release notes: this version improves search speed, fixes a crash when exporting large spreadsheets and adds "
    "a dark theme. Settings from the previous version are kept. Restart the application after updating.",
    "Reminder to all staff: the kitchen fridge will be emptied at the end of each week. Please label your food "
    "and take home anything you want to keep. Thank you for helping keep the shared spaces tidy.",
    "Product description: a lightweight waterproof jacket with taped seams, adjustable hood and two zipped hand "
    "pockets. Packs into its own pocket. Machine washable at thirty degrees.",
    "Our support desk is closed on public holidays. For urgent issues, please use the status page linked in the "
    "app's help menu, where outages and maintenance windows are announced.",
    "Gardening note: water tomatoes deeply but less often, mulch to keep the soil moist, and pinch out side "
    "shoots on cordon varieties so the plant puts its energy into fruit.",
    "Policy summary: expenses must be submitted within thirty days with a receipt. Travel is booked through the "
    "internal portal. Economy class applies to flights under six hours.",
    "Book club pick: a novel about a lighthouse keeper who starts writing letters to strangers. Discussion "
    "questions focus on isolation, routine and the small kindnesses that connect people.",
    "Running plan, beginner: three sessions a week alternating one minute of jogging with two minutes of walking. "
    "Add a minute of jogging each week and rest whenever your body asks for it.",
]


def no_pii_doc(rng, i):
    d = Doc("no_pii")
    d.t(NO_PII[i % len(NO_PII)])
    return d


def near_miss_doc(rng, i):
    """Numbers and codes that look like PII but must not be flagged."""
    d = Doc("near_miss")
    variant = i % 8
    if variant == 0:
        bad = "4" + digits(rng, 14)
        bad += str((int(luhn_check_digit(bad)) + 1) % 10)  # one off: fails Luhn
        d.t("Warehouse pick list. Product code ").decoy("CREDIT_CARD", " ".join(bad[j:j + 4] for j in range(0, 16, 4)))
        d.t(" (internal barcode, not a card), bin A-14, quantity 12.\n")
    elif variant == 1:
        d.t("Order ").decoy("US_BANK_NUMBER", "SO-%s-%s" % (digits(rng, 4), digits(rng, 5)))
        d.t(" contains 3 items: SKU ").decoy("US_DRIVER_LICENSE", "KX-%s-%s" % (digits(rng, 3), letters(rng, 2)))
        d.t(", SKU ").decoy("US_DRIVER_LICENSE", "KX-%s-%s" % (digits(rng, 3), letters(rng, 2))).t(". Gift wrap requested.\n")
    elif variant == 2:
        d.t("Case reference ").decoy("US_SSN", "000-%s-%s" % (digits(rng, 2), digits(rng, 4)))
        d.t(" is a placeholder used in the training deck; area 000 is never issued.\n")
    elif variant == 3:
        country = "DE"
        bban = bban_for(rng, country)
        good = iban_check_digits(country, bban)
        wrong = "%02d" % ((int(good) + 1) % 97 or 2)
        d.t("Sample format shown on the form: ").decoy("IBAN_CODE", country + wrong + bban)
        d.t(" (check digits deliberately wrong).\n")
    elif variant == 4:
        d.t("Server build ").decoy("IP_ADDRESS", "%d.%d.%d.%d" % (rng.randint(1, 9), rng.randint(256, 400), rng.randint(0, 9), rng.randint(0, 99)))
        d.t(" and chart version 1.4 were deployed; the version string is not an address.\n")
    elif variant == 5:
        d.t("Part number ").decoy("MAC_ADDRESS", "%s-%s-%s" % (letters(rng, 3), digits(rng, 3), letters(rng, 2)))
        d.t(" fits models from 2019 onwards only if the bracket is replaced.\n")
    elif variant == 6:
        d.t("Tracking id ").decoy("CRYPTO", "1Z" + "".join(rng.choice(string.ascii_uppercase + string.digits) for _ in range(16)))
        d.t(" was scanned at the depot. Delivery window: afternoon.\n")
    else:
        body = digits(rng, 9)
        total = sum(int(x) * w for x, w in zip(body, range(10, 1, -1)))
        check = 11 - total % 11
        right = 0 if check == 11 else check
        wrong = (right + 1) % 10 if check != 10 else 0
        number = body + str(wrong)
        d.t("Locker combination list: ").decoy("UK_NHS", "%s %s %s" % (number[:3], number[3:6], number[6:]))
        d.t(" (ten digits, fails the NHS check).\n")
    return d


HARMFUL = [  # (moderation categories, kind, text). Written to be unambiguous for tests, mild enough to commit.
    (["toxicity"], "forum_post",
     "Reply to the thread about the update: you are a useless, brain-dead idiot and everything you post is "
     "garbage. Nobody wants to read your stupid opinions, so shut up."),
    (["harassment", "violence"], "direct_message",
     "I know where you park every morning. Delete your review or I will make sure you regret it. Keep "
     "talking and you'll get hurt, and nobody will help you."),
    (["hate"], "comment",
     "Honestly, immigrants are all lazy criminals and freeloaders. People like them are inferior and should be "
     "kept out of this country."),
    (["spam"], "sms",
     "WINNER!! You have been selected to receive a £1000 gift card. Claim your prize now by texting CLAIM to "
     "80088 before midnight! Reply STOP to opt out."),
    (["spam"], "email",
     "Congratulations!!! Your email won our international lottery. To claim your prize of 2,500,000 dollars, "
     "send your processing fee today. Act now, this offer expires soon! 100% guaranteed, no risk!!!"),
    (["self_harm"], "support_chat",
     "Customer: I don't really care about the refund anymore. I've been thinking about hurting myself and I don't "
     "see the point of going on.\nAgent: I'm really sorry you're feeling this way. You're not alone; please reach "
     "out to a crisis line or someone you trust right now."),
    (["sexual"], "chat_log",
     "hey gorgeous, can't stop thinking about last night 😏 send me something sexy, I want to see you naked in "
     "my bed again tonight"),
]


def harmful_doc(i):
    categories, kind, text = HARMFUL[i]
    d = Doc(kind)
    d.moderation = categories
    d.t(text)
    return d


# --------------------------------------------------------------------------------------------------------
# Assembly
# --------------------------------------------------------------------------------------------------------

PLAN = [(email_doc, 26), (ticket_doc, 22), (chat_doc, 20), (hr_doc, 14), (invoice_doc, 16), (meeting_doc, 14),
        (shipping_doc, 14), (medical_doc, 14), (bank_doc, 13), (it_doc, 10), (crypto_doc, 6), (offset_doc, 6)]
TEXT_FILE_KINDS = ["email", "support_ticket", "meeting_notes", "offset_test", "no_pii"]


def build(rng):
    docs = []
    for factory, count in PLAN:
        docs += [factory(rng) for _ in range(count)]
    docs += [no_pii_doc(rng, i) for i in range(len(NO_PII))]
    docs += [near_miss_doc(rng, i) for i in range(8)]
    docs += [harmful_doc(i) for i in range(len(HARMFUL))]
    rng.shuffle(docs)  # ids say nothing about the content
    return [("doc-%04d" % (n + 1), d) for n, d in enumerate(docs)]


def verify(doc_id, doc):
    """Fails the generation if any planted value is wrong: offsets, checksums, overlaps."""
    text = doc.text()
    spans = sorted(doc.entities + doc.decoys, key=lambda s: s["start"])
    for s in spans:
        assert text[s["start"]:s["end"]] == s["value"], (doc_id, s)
    for a, b in zip(spans, spans[1:]):
        assert a["end"] <= b["start"], ("overlap", doc_id, a, b)
    for e in doc.entities:
        v, t = e["value"], e["type"]
        if t == "CREDIT_CARD":
            assert luhn_valid(v), (doc_id, v)
        elif t == "IBAN_CODE":
            assert iban_valid(v) and len(v.replace(" ", "")) == IBAN_LENGTHS[v[:2]], (doc_id, v)
        elif t == "UK_NHS":
            assert nhs_valid(v), (doc_id, v)
    for dcy in doc.decoys:
        if dcy["looks_like"] == "CREDIT_CARD":
            assert not luhn_valid(dcy["value"])
        elif dcy["looks_like"] == "IBAN_CODE":
            assert not iban_valid(dcy["value"])
        elif dcy["looks_like"] == "UK_NHS":
            assert not nhs_valid(dcy["value"])


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", default=os.path.dirname(os.path.abspath(__file__)))
    out = parser.parse_args().out
    docs = build(random.Random(SEED))
    manifest = {"seed": SEED, "offsets": "unicode code points, end exclusive", "documents": {}}
    with open(os.path.join(out, "corpus.jsonl"), "w", encoding="utf-8", newline="\n") as f:
        for doc_id, doc in docs:
            verify(doc_id, doc)
            f.write(json.dumps({"id": doc_id, "text": doc.text()}, ensure_ascii=False) + "\n")
            manifest["documents"][doc_id] = {"kind": doc.kind, "moderation": doc.moderation,
                                             "entities": doc.entities, "decoys": doc.decoys}
    with open(os.path.join(out, "manifest.json"), "w", encoding="utf-8", newline="\n") as f:
        json.dump(manifest, f, ensure_ascii=False, indent=1)
        f.write("\n")
    write_text_files(os.path.join(out, "texts"), docs)


def write_text_files(folder, docs):
    """One document of each listed kind as a .txt file; the id a text-folder reader gives is its relative path."""
    chosen = []
    for kind in TEXT_FILE_KINDS:
        chosen.append(next((doc_id, doc) for doc_id, doc in docs if doc.kind == kind))
    for n, (doc_id, doc) in enumerate(chosen):
        sub = os.path.join(folder, "inbox", "2026") if n >= 3 else folder
        os.makedirs(sub, exist_ok=True)
        with open(os.path.join(sub, doc_id + ".txt"), "w", encoding="utf-8", newline="\n") as f:
            f.write(doc.text())


if __name__ == "__main__":
    main()
