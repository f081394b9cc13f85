"""A synthetic news mix for the reader's benchmark: mostly ordinary news, some treaty news.

Every sentence here is a template written for casus; slots are filled from small word
lists with a seeded random generator, so the same seed gives the same corpus. Ordinary
news (sport, weather, markets, elections, crime, health, science, culture, transport,
technology, local affairs, business, and world news of fighting and arms purchases
with no agreement in it) deliberately uses words that the first pass must
not trip on alone ("deal", "defence", "agreement", "coalition", "allies", "signed").
"""

from __future__ import annotations

import random

STATES = [
    ("Norway", "Oslo", "Norwegian"), ("Poland", "Warsaw", "Polish"), ("Japan", "Tokyo", "Japanese"),
    ("Kenya", "Nairobi", "Kenyan"), ("Brazil", "Brasilia", "Brazilian"), ("Vietnam", "Hanoi", "Vietnamese"),
    ("Egypt", "Cairo", "Egyptian"), ("Chile", "Santiago", "Chilean"), ("Turkey", "Ankara", "Turkish"),
    ("India", "New Delhi", "Indian"), ("Canada", "Ottawa", "Canadian"), ("Morocco", "Rabat", "Moroccan"),
]
DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
CITIES = ["Leeds", "Lyon", "Porto", "Turin", "Graz", "Utrecht", "Malmo", "Cork", "Bergen", "Seville"]
TEAMS = ["City", "United", "Rovers", "Athletic", "Wanderers", "Albion", "Town", "Rangers"]
FIRST = ["Maria", "James", "Amina", "Lucas", "Sofia", "Daniel", "Priya", "Tomas", "Elena", "Omar"]
LAST = ["Hughes", "Moreau", "Okafor", "Lindqvist", "Rossi", "Tanaka", "Novak", "Silva", "Kowalski", "Haddad"]
FIRMS = ["Northwind", "Bluepeak", "Corvex", "Lumora", "Stratline", "Veridian", "Halcyon", "Quanta"]
PRODUCTS = ["chips", "batteries", "software", "medicines", "cars", "phones", "steel", "coffee"]

ORDINARY = {
    "sport": [
        "{team} beat {team2} {n}-{m} on {day} to move {k} points clear at the top of the table.",
        "The striker signed a new {k}-year deal with the club, ending weeks of talk about a move abroad.",
        "Their defence held firm under late pressure, and the goalkeeper made two fine saves in stoppage time.",
        "The manager, {person}, said the squad had shown great character after a difficult month.",
        "Tickets for the cup final in {city} sold out within an hour of going on sale.",
        "The captain limped off with a hamstring injury and is expected to miss the next {k} matches.",
        "Fans in {city} celebrated late into the night after the final whistle.",
    ],
    "weather": [
        "Forecasters expect heavy rain across the north on {day}, with up to {n}0 mm in places.",
        "A yellow warning for strong winds covers the coast, where gusts could reach {n}0 mph.",
        "Temperatures will climb to {n}{m} degrees by the weekend as high pressure settles in.",
        "Drivers were urged to take care on roads around {city}, where fog reduced visibility overnight.",
        "The summer was the {k}th warmest on record, according to the national weather service.",
        "Farmers said the dry spell had cut the wheat harvest by about a {frac}.",
    ],
    "markets": [
        "Shares in {firm} rose {n}% after it reached an agreement to buy a smaller rival for ${k}bn.",
        "The main index closed {n}.{m}% lower on {day} as investors sold technology stocks.",
        "Oil prices slipped for a {k}th day as traders weighed rising stockpiles against demand from Asia.",
        "The central bank held interest rates at {n}.{m}%, saying inflation was easing more slowly than hoped.",
        "Analysts said the merger would create the country's largest maker of {product}.",
        "Bond yields climbed after stronger than expected jobs figures were published on {day}.",
        "The currency weakened against the dollar for the {k}th session in a row.",
    ],
    "elections": [
        "{person} and her allies won a narrow majority in the regional election held on {day}.",
        "Talks on forming a coalition government are expected to begin next week in {city}.",
        "Turnout reached {n}{m}%, the highest for a local vote in more than a decade.",
        "The opposition promised lower taxes on {product} and more money for rural hospitals.",
        "Voters in {city} will choose a new mayor in May after the incumbent said she would stand down.",
        "Counting continued through the night, and the final result is due on {day} afternoon.",
    ],
    "crime": [
        "Police in {city} arrested {k} men after a jewellery shop was broken into overnight.",
        "A court sentenced the former accountant to {k} years for stealing from a children's charity.",
        "Detectives appealed for witnesses to a collision on the ring road late on {day}.",
        "The defence lawyer told the jury that his client had been at home all evening.",
        "Officers recovered stolen {product} worth about ${k}00,000 from a warehouse near the port.",
    ],
    "health": [
        "A study of {k},000 adults found that walking for {n}0 minutes a day lowered blood pressure.",
        "Hospitals in {city} reported a rise in flu admissions for the {k}th week running.",
        "Doctors said the new treatment could spare many patients a second operation.",
        "Waiting lists for routine surgery fell slightly in the spring, official figures show.",
        "The health minister, {person}, promised {k},000 more nurses by the end of the decade.",
    ],
    "science": [
        "Astronomers have found a planet about {n}{m} light years away that may hold liquid water.",
        "Researchers in {city} grew a new variety of rice that needs a {frac} less water.",
        "The probe sent back its first pictures of the comet on {day}, the space agency said.",
        "A fossil found on a beach turned out to belong to a previously unknown species of turtle.",
        "The team said its results would need to be confirmed by other laboratories.",
    ],
    "culture": [
        "The film festival in {city} opened on {day} with a premiere attended by hundreds of fans.",
        "{person}'s first novel has been shortlisted for the country's most prized literary award.",
        "The museum will reopen next month after a {k}-year renovation of its main hall.",
        "The band announced a tour of {k} cities, beginning in {city} in the autumn.",
        "Critics praised the production's staging but found the second act too long.",
    ],
    "transport": [
        "Train drivers will strike for {n}8 hours next week after rejecting the operator's latest pay offer.",
        "The new tram line in {city} carried {k}0,000 passengers in its first week.",
        "Flights were delayed at the airport on {day} after a fault in the baggage system.",
        "The union and the bus company signed an agreement on working hours after months of talks.",
        "Engineers will close the bridge for {k} weekends to replace its ageing cables.",
    ],
    "technology": [
        "{firm} unveiled a phone with a battery it says lasts {k} days on a single charge.",
        "Regulators voted to restore net neutrality rules for broadband providers.",
        "The app was downloaded {k} million times in its first month, the company said.",
        "A software update fixed a flaw that let attackers read users' messages, researchers said.",
        "The chipmaker will build a new factory near {city}, creating about {k},000 jobs.",
    ],
    "local": [
        "The council in {city} approved plans for {k}00 new homes on the site of a former factory.",
        "Residents complained about the noise from night-time roadworks on the high street.",
        "A new playground opened in the park on {day}, paid for by a local fundraising campaign.",
        "The library will extend its opening hours during the exam season.",
        "Volunteers planted {k},000 trees along the river bank over the weekend.",
    ],
    "world": [
        "Troops exchanged artillery fire near the border on {day}, the army said, and {k} soldiers were wounded.",
        "The defence minister, {person}, visited a naval base on the coast and inspected two new warships.",
        "Aid agencies said {k}0,000 people had fled the fighting in the east over the past week.",
        "The foreign ministry summoned an ambassador to protest against a missile test over the sea.",
        "Negotiators said a ceasefire deal was close, though both armies continued to shell the city.",
        "The government signed a contract for {k} fighter jets, to be delivered over the next decade.",
        "Satellite pictures show new military positions {k}0 km from the front line, analysts said.",
    ],
    "business": [
        "{firm} reported a {n}% rise in quarterly profit, helped by strong sales of {product}.",
        "The company signed a supply deal worth ${k}bn with a large retailer on {day}.",
        "The chief executive, {person}, said the firm would cut {k}00 jobs as part of a restructuring.",
        "Exports of {product} rose sharply in the third quarter, trade figures show.",
        "The airline said bookings for the summer were already above last year's level.",
    ],
}

TREATY = [
    [
        "{A} and {B} signed a defence treaty in {capA} on {day}, their foreign ministries said.",
        "Under the treaty, an armed attack on either country will be treated as an attack on both.",
        "The {demB} president, speaking after the ceremony, called it a new chapter in relations.",
        "The agreement must still be ratified by both parliaments before it enters into force.",
    ],
    [
        "Lawmakers in {A} voted on {day} to ratify the security pact with {B}.",
        "The pact obliges each side to provide military assistance if the other is attacked.",
        "Opposition deputies said the country was being drawn into conflicts that were not its own.",
    ],
    [
        "{A} formally joined the alliance on {day}, becoming its newest member.",
        "The accession ends decades of non-alignment, {person}, the prime minister, told reporters in {capA}.",
        "Troops from other members are expected to take part in exercises on its territory next year.",
    ],
    [
        "{A} announced on {day} that it would withdraw from the treaty on conventional forces.",
        "Officials in {capA} said the accord no longer served the country's security interests.",
        "{B} called the decision a blow to arms control in the region.",
    ],
    [
        "{A} and {B} have agreed a strategic partnership that stops short of a mutual-defence clause.",
        "The document commits both governments to consult each other in a crisis, diplomats said.",
        "It does not oblige either side to come to the other's aid if it is attacked.",
    ],
    [
        "Leaders of {A} and {B} met in {capB} on {day} and said talks on a non-aggression pact would continue.",
        "No agreement was signed, but both sides promised to meet again before the end of the year.",
        "Military cooperation and joint naval patrols were also discussed, officials said.",
    ],
]


def _fill(template: str, rng: random.Random) -> str:
    person = f"{rng.choice(FIRST)} {rng.choice(LAST)}"
    teams = rng.sample(TEAMS, 2)
    return template.format(
        team=teams[0], team2=teams[1], day=rng.choice(DAYS), city=rng.choice(CITIES), person=person,
        firm=rng.choice(FIRMS), product=rng.choice(PRODUCTS), frac=rng.choice(["third", "quarter", "fifth"]),
        n=rng.randint(1, 9), m=rng.randint(0, 9), k=rng.randint(2, 9),
    )


def ordinary_articles(count: int = 200, seed: int = 7) -> list[str]:
    """``count`` short articles of ordinary news, one topic each, 7 to 12 sentences."""
    rng = random.Random(seed)
    topics = sorted(ORDINARY)
    articles = []
    for index in range(count):
        templates = ORDINARY[topics[index % len(topics)]]
        chosen = rng.sample(templates, len(templates)) + rng.sample(templates, rng.randint(2, 5))
        sentences = [_fill(template, rng) for template in chosen]
        articles.append(" ".join(sentences[:3]) + "\n\n" + " ".join(sentences[3:]))
    return articles


def treaty_articles(count: int = 20, seed: int = 11) -> list[str]:
    """``count`` short treaty stories (signing, ratification, accession, withdrawal, no deal)."""
    rng = random.Random(seed)
    articles = []
    for index in range(count):
        (a, cap_a, _), (b, cap_b, dem_b) = rng.sample(STATES, 2)
        person = f"{rng.choice(FIRST)} {rng.choice(LAST)}"
        story = [
            line.format(A=a, B=b, capA=cap_a, capB=cap_b, demB=dem_b, day=rng.choice(DAYS), person=person)
            for line in TREATY[index % len(TREATY)]
        ]
        filler = [_fill(rng.choice(ORDINARY["elections"]), rng) for _ in range(2)]
        articles.append(" ".join(story) + "\n\n" + " ".join(filler))
    return articles
