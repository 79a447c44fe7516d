"""Constructions of real university news, one short text each, through the whole extraction
(statistical model, built-in gazetteer, shipped relation scorer): what the extractor must keep
reading correctly however the rules and the model change.

The texts are ours, written for these tests: each states a construction that real news offices
use (categories of issue 9), with facts that may be true or made up. A case names the construction
it protects; the expected facts are a subset of what is extracted, the forbidden ones must be absent.
"""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.slow

# (construction, text, expected facts, forbidden facts); a fact is (subject, predicate, object, qualifiers ⊆)
CASES = [
    ("short names listed as subjects of joining",
     "Durham, Exeter and Warwick have joined the Russell Group, taking its membership to 24.",
     [("Durham University", "memberOf", "Russell Group", {}), ("University of Exeter", "memberOf", "Russell Group", {}),
      ("University of Warwick", "memberOf", "Russell Group", {}), ("Russell Group", "memberCount", "24", {})], []),
    ("universities sharing a plural head noun",
     "The universities of Zurich and Geneva have joined LERU.",
     [("University of Zurich", "memberOf", "League of European Research Universities", {}),
      ("University of Geneva", "memberOf", "League of European Research Universities", {})], []),
    ("the alliance admits members, with a full date",
     "The Coimbra Group has admitted the University of Tartu and Masaryk University as full members at its "
     "General Assembly on 12 June 2023.",
     [("University of Tartu", "memberOf", "Coimbra Group", {"since": "2023-06-12"}),
      ("Masaryk University", "memberOf", "Coimbra Group", {"since": "2023-06-12"})], []),
    ("withdrawal announced for a year",
     "The University of Auckland will withdraw from Universitas 21 at the end of 2024.",
     [("University of Auckland", "memberOf", "Universitas 21", {"role": "former"})], []),
    ("a region's adjective in a name gives no country",
     "The University of Buenos Aires belongs to the Union of Latin American Universities.",
     [], [("Union of Latin American Universities", "country", "US", {})]),
    ("a member departs",
     "Imperial College London departed from the IDEA League in 2012.",
     [("Imperial College London", "memberOf", "IDEA League", {"role": "former", "until": "2012"})], []),
    ("the alliance expels a member",
     "The Association of Southeast Asian Institutions of Higher Learning expelled Rangoon University in 1988.",
     [("University of Yangon", "memberOf", "Association of Southeast Asian Institutions of Higher Learning",
       {"role": "former", "until": "1988"})], []),
    ("a past membership until a year",
     "Sciences Po was a member of the CIVICA alliance until 2023.",
     [("Sciences Po", "memberOf", "CIVICA – The European University of Social Sciences", {"role": "former", "until": "2023"})],
     []),
    ("an associate member",
     "Stellenbosch University has become an associate member of the Coimbra Group.",
     [("Stellenbosch University", "memberOf", "Coimbra Group", {"role": "associate"})], []),
    ("also a member of an alliance, in apposition",
     "The University of Manchester, one of the 24 Russell Group universities, welcomed the announcement.",
     [("University of Manchester", "memberOf", "Russell Group", {})], []),
    ("members listed after 'include'",
     "Its members include the University of Amsterdam, the University of Edinburgh and KU Leuven, all members of LERU.",
     [("University of Amsterdam", "memberOf", "League of European Research Universities", {}),
      ("KU Leuven", "memberOf", "League of European Research Universities", {})], []),
    ("ranks stated 'respectively'",
     "Seoul National University and KAIST were ranked 41st and 53rd respectively in the QS World University Rankings 2025.",
     [("Seoul National University", "rankedIn", "QS World University Rankings", {"rank": "41", "year": "2025"}),
      ("KAIST", "rankedIn", "QS World University Rankings", {"rank": "53", "year": "2025"})], []),
    ("a rank moved 'up from' another: the earlier place is the last edition's",
     "The University of Melbourne rose to 33rd in the THE World University Rankings 2024, up from 37th last year.",
     [("University of Melbourne", "rankedIn", "Times Higher Education World University Rankings", {"rank": "33", "year": "2024"}),
      ("University of Melbourne", "rankedIn", "Times Higher Education World University Rankings", {"rank": "37", "year": "2023"})],
     [("University of Melbourne", "rankedIn", "Times Higher Education World University Rankings", {"rank": "37", "year": "2024"})]),
    ("a rank as an ordinal word",
     "In the QS World University Rankings 2024, the National University of Singapore came eighth.",
     [("National University of Singapore", "rankedIn", "QS World University Rankings", {"rank": "8", "year": "2024"})], []),
    ("universities a rank is stated against",
     "In the THE Sub-Saharan Africa University Rankings 2024, Makerere University was placed fourth, behind the "
     "University of Cape Town and Stellenbosch University.",
     [("Makerere University", "rankedIn", "THE Sub-Saharan Africa University Rankings", {"rank": "4"})],
     [("University of Cape Town", "rankedIn", "THE Sub-Saharan Africa University Rankings", {"rank": "4"}),
      ("Stellenbosch University", "rankedIn", "THE Sub-Saharan Africa University Rankings", {"rank": "4"})]),
    ("a member count that grew 'from' one number 'to' another",
     "Since its founding in 2011, ASRTU has grown from 15 to 73 member universities.",
     [("Association of Sino-Russian Technical Universities", "memberCount", "73", {})],
     [("Association of Sino-Russian Technical Universities", "memberCount", "15", {})]),
    ("an association of universities named by its collective head noun",
     "The University of Buenos Aires belongs to the Union of Latin American Universities.",
     [("University of Buenos Aires", "memberOf", "Union of Latin American Universities", {})], []),
    ("a band",
     "The University of Nairobi is in the 1001-1200 band of the THE World University Rankings 2024.",
     [("University of Nairobi", "rankedIn", "Times Higher Education World University Rankings",
       {"band": "1001-1200", "year": "2024"})], []),
    ("a numbered ranking list under a heading",
     "The top three in the ARWU 2023 list were:\n1. Harvard University\n2. Stanford University\n"
     "3. Massachusetts Institute of Technology",
     [("Harvard University", "rankedIn", "Academic Ranking of World Universities", {"rank": "1"}),
      ("Massachusetts Institute of Technology", "rankedIn", "Academic Ranking of World Universities", {"rank": "3"})], []),
    ("universities selected for a programme, listed after a colon",
     "Five universities were selected for the Wallenberg Excellence Initiative: Lund University, Uppsala University "
     "and Umeå University.",
     [("Lund University", "participatesIn", "Wallenberg Excellence Initiative", {}),
      ("Umeå University", "participatesIn", "Wallenberg Excellence Initiative", {})],
     [("Lund University", "participatesIn", "German Universities Excellence Initiative", {})]),
    ("a programme's universities listed in a sentence of their own",
     "Four universities selected for the Higher Education Sprout Project\n\nThe ministry announced the list on "
     "Monday.\n\nThe four universities are National Taiwan University, National Tsing Hua University, National "
     "Cheng Kung University and National Central University.",
     [("National Taiwan University", "participatesIn", "Higher Education Sprout Project", {}),
      ("National Central University", "participatesIn", "Higher Education Sprout Project", {})], []),
    ("universities listed as partners while a programme is spoken of",
     "Volga universities joined Project 5-100 in 2013.\n\nTomsk State University cooperates with Russian "
     "universities, including Kazan Federal University and Ural Federal University.",
     [], [("Tomsk State University", "participatesIn", "Project 5-100", {}),
          ("Kazan Federal University", "participatesIn", "Project 5-100", {})]),
    ("heads of two universities, one named by its short form",
     "The University of Warwick and Shanghai Jiao Tong University (SJTU) signed an agreement. SJTU President Ding "
     "Kuiling and Warwick Vice-Chancellor Stuart Croft attended.",
     [("Ding Kuiling", "headOf", "Shanghai Jiao Tong University", {"role": "president"}),
      ("Stuart Croft", "headOf", "University of Warwick", {"role": "vice-chancellor"})],
     [("Stuart Croft", "headOf", "Shanghai Jiao Tong University", {})]),
    ("a programme's funding received",
     "Under Project 211, Fudan University and Nanjing University received additional funding.",
     [("Fudan University", "participatesIn", "Project 211", {}), ("Nanjing University", "participatesIn", "Project 211", {})],
     []),
    ("founded by universities sharing a plural head noun",
     "Founded in 1998 by the universities of Edinburgh, Bristol and Leeds, the Worldwide Universities Network now "
     "has 19 members.",
     [("Worldwide Universities Network", "founded", "1998", {}),
      ("Worldwide Universities Network", "founder", "University of Bristol", {}),
      ("Worldwide Universities Network", "memberCount", "19", {})], []),
    ("founders listed after a count of founders",
     "Una Europa was set up in 2019 by eight universities, among them the University of Bologna, KU Leuven and the "
     "Jagiellonian University.",
     [("Una Europa", "founder", "University of Bologna", {}), ("Una Europa", "founder", "Jagiellonian University", {}),
      ("KU Leuven", "memberOf", "Una Europa", {"role": "founding"})], []),
    ("leavers listed after 'have left', the verb left out for the second",
     "Universitas 21 marks 25 years\n\nTwo institutions have left Universitas 21: the University of Toronto withdrew "
     "in 2013, and McGill University in 2014.",
     [("University of Toronto", "memberOf", "Universitas 21", {"role": "former", "until": "2013"}),
      ("McGill University", "memberOf", "Universitas 21", {"role": "former", "until": "2014"})],
     [("McGill University", "memberOf", "Universitas 21", {"role": "member"})]),
    ("former members listed after a verb of leaving",
     "Three members have left the Coimbra Group since 2010: the University of Bergen, Lund University and the "
     "University of Tartu.",
     [("University of Bergen", "memberOf", "Coimbra Group", {"role": "former"}),
      ("University of Tartu", "memberOf", "Coimbra Group", {"role": "former"})],
     [("Lund University", "memberOf", "Coimbra Group", {"role": "member"})]),
    ("a count of founders after 'by'",
     "The African Research Universities Alliance was launched in Dakar in March 2015 by 15 universities.",
     [("African Research Universities Alliance", "memberCount", "15", {"role": "founding"}),
      ("African Research Universities Alliance", "founded", "2015-03", {})], []),
    ("launched on a university's initiative",
     "The Asian Universities Alliance was launched in April 2017 on the initiative of Tsinghua University.",
     [("Asian Universities Alliance", "founder", "Tsinghua University", {}),
      ("Asian Universities Alliance", "founded", "2017-04", {})], []),
    ("a head elected to chair an alliance, with a title in apposition",
     "Professor Jane Smith, Vice-Chancellor of the University of Sydney, was elected chair of the Coimbra Group.",
     [("Jane Smith", "headOf", "University of Sydney", {"role": "vice-chancellor"}),
      ("Jane Smith", "headOf", "Coimbra Group", {"role": "chair"})],
     []),
    ("an organisation appoints its head",
     "Uppsala University appointed Anna Berg as its new vice-chancellor.",
     [("Anna Berg", "headOf", "Uppsala University", {"role": "vice-chancellor"})], []),
    ("a person who heads an organisation",
     "Anna Berg, who heads Lund University, signed the agreement.",
     [("Anna Berg", "headOf", "Lund University", {"role": "head"})], []),
    ("led by a titled person",
     "The University of Oslo is led by Rector Svein Stølen.",
     [("Svein Stølen", "headOf", "University of Oslo", {"role": "rector"})], []),
    ("a former head is a head whose headship ended (GOLD_FORMAT: 'the head stepped down')",
     "Former Harvard President Lawrence Summers gave a lecture at the University of Cape Town.",
     [("Lawrence Summers", "headOf", "Harvard University", {"ended": "true"})],
     [("Lawrence Summers", "headOf", "University of Cape Town", {})]),
    ("a title before the name",
     "Tokyo Institute of Technology President Kazuya Masu welcomed the agreement.",
     [("Kazuya Masu", "headOf", "Tokyo Institute of Technology", {"role": "president"})], []),
    ("a possessed title set off by commas",
     "Uppsala University's rector, Anders Hagfeldt, welcomed the decision.",
     [("Anders Hagfeldt", "headOf", "Uppsala University", {"role": "rector"})], []),
    ("misspelt names",
     "The Univeristy of Edinburgh signed an agreement with Jamia Milia Islamia.",
     [("University of Edinburgh", "partnerOf", "Jamia Millia Islamia", {})], []),
    ("a memorandum of understanding",
     "The University of Melbourne signed a memorandum of understanding with Zhejiang University.",
     [("University of Melbourne", "partnerOf", "Zhejiang University", {})], []),
    ("a head noun right after a possessive is one name",
     "Queen's University and King's College London signed a memorandum of understanding on joint doctoral training.",
     [("Queen's University", "partnerOf", "King's College London", {})], []),
    ("'Science and Technology' inside a name, then 'and' between two names",
     "The Masdar Institute of Science and Technology and the Petroleum Institute signed a memorandum of understanding.",
     [("Masdar Institute of Science and Technology", "partnerOf", "Petroleum Institute", {})], []),
    ("a year inside a programme's name is no founding date",
     "The Priority 2030 programme was launched in 2021.",
     [("Priority 2030", "founded", "2021", {})], [("Priority 2030", "founded", "2030", {})]),
    ("a ranking launched in a month",
     "The National Institutional Ranking Framework was launched in September 2015.",
     [("National Institutional Ranking Framework", "founded", "2015-09", {})], []),
    ("name, title, organisation set off by commas",
     '"We are proud of our students," said Professor Sir John O\'Reilly, President, Khalifa University.',
     [("John O'Reilly", "headOf", "Khalifa University", {"role": "president"})], []),
    ("an Indian honorific before a head's name",
     "Shri Ravi Kumar, Vice-Chancellor of the University of Hyderabad, signed the agreement.",
     [("Ravi Kumar", "headOf", "University of Hyderabad", {"role": "vice-chancellor"})], []),
    ("a programme's group of participants listed after 'includes'",
     "Ural Federal University is one of the Priority 2030 universities. The first group of the research leadership "
     "track includes Tomsk State University, ITMO University and Novosibirsk State University.",
     [("Tomsk State University", "participatesIn", "Priority 2030", {}),
      ("ITMO University", "participatesIn", "Priority 2030", {})], []),
    ("a place ending an address line is no university's short name",
     "The National Institutional Ranking Framework released its 2024 list.\n\nRank 1: Indian Institute of Technology "
     "Madras, Chennai, Tamil Nadu\nRank 2: Indian Institute of Technology Delhi, New Delhi, Delhi\n",
     [("Indian Institute of Technology Delhi", "rankedIn", "National Institutional Ranking Framework", {"rank": "2"})],
     [("University of Delhi", "rankedIn", "National Institutional Ranking Framework", {})]),
    ("a lower bound ('more than 850') is no member count, an exact number is",
     "The European University Association represents more than 850 universities in 48 countries. "
     "The Coimbra Group brings together 41 universities.",
     [("Coimbra Group", "memberCount", "41", {})], [("European University Association", "memberCount", "850", {})]),
    ("an alliance named after a year; its year is no date of joining",
     "Durham University was a member of the 1994 Group. The University of Exeter joined the Russell Group from the "
     "1994 Group.",
     [("Durham University", "memberOf", "1994 Group", {})],
     [("University of Exeter", "memberOf", "Russell Group", {"since": "1994"})]),
    ("'each of the three' stands for the universities listed before it",
     "Durham University, the University of Exeter and the University of York joined the Russell Group. "
     "Each of the three left the 1994 Group in 2012.",
     [("Durham University", "memberOf", "1994 Group", {"role": "former", "until": "2012"}),
      ("University of York", "memberOf", "1994 Group", {"role": "former", "until": "2012"})],
     [("Durham University", "memberOf", "Russell Group", {"since": "1994"})]),
    ("'both universities' with no count mismatch; 'the five' with one",
     "Maastricht University and Utrecht University belonged to the Erasmus Network. Both universities left the "
     "Erasmus Network in 2019, and the five institutions remaining joined Una Europa.",
     [("Maastricht University", "memberOf", "Erasmus Network", {"role": "former"}),
      ("Utrecht University", "memberOf", "Erasmus Network", {"role": "former"})],
     [("Utrecht University", "memberOf", "Una Europa", {})]),
    ("joiners the parse leaves without a subject, after a fronted date",
     "In 2016 Durham University and the University of Warwick joined the Global Research Alliance.",
     [("Durham University", "memberOf", "Global Research Alliance", {"since": "2016"}),
      ("University of Warwick", "memberOf", "Global Research Alliance", {"since": "2016"})], []),
    ("a list of suspended members, the alliance the subject of the sentence before",
     "The Board of the European University Association voted to suspend the membership of the seven Ruritanian "
     "universities whose rectors backed a statement of the Ruritanian Rectors' Union. The suspended members "
     "include:\n\n* Tomsk State University\n* Kazan Federal University\n\nThe Board will review the decision.",
     [("Tomsk State University", "memberOf", "European University Association", {"role": "former"}),
      ("Kazan Federal University", "memberOf", "European University Association", {"role": "former"})],
     [("European University Association", "memberCount", "7", {})]),
    ("a short name that the NER takes for a person",
     "Queen Mary University of London welcomed the news: Durham University, the University of Exeter, Queen Mary "
     "and the University of York join the Russell Group, and all four will leave the 1994 Group.",
     [("Queen Mary University of London", "memberOf", "Russell Group", {}),
      ("Queen Mary University of London", "memberOf", "1994 Group", {"role": "former"})], []),
    ("a title before a name heads the publisher, not an organisation named later in the sentence",
     "Tsinghua University News\n\nPresident Li Wei said the result reflects the progress of the Double First-Class "
     "initiative.",
     [], [("Li Wei", "headOf", "Double First-Class Construction", {})]),
    ("a short name with a possessive title: 'Trinity's Provost, A'",
     "Trinity College Dublin has joined LERU. Trinity's Provost, Mary Keane, welcomed the invitation to the League.",
     [("Mary Keane", "headOf", "Trinity College Dublin", {"role": "provost"})],
     [("Mary Keane", "headOf", "League of European Research Universities", {})]),
    ("a short name after a head's title and 'of'",
     "Queen Mary University of London joined the Russell Group in 2012. Professor Tom Hale, then Principal of "
     "Queen Mary, led the application.",
     [("Tom Hale", "headOf", "Queen Mary University of London", {})], []),
    ("a person who held the presidency of an alliance",
     "Anna Berg held the presidency of the Coimbra Group from 2016 to 2018.",
     [("Anna Berg", "headOf", "Coimbra Group", {"role": "president"})], []),
    ("a programme's participants listed under a heading with a colon",
     "The Institution of Eminence scheme was launched by the University Grants Commission in 2017. The public "
     "institutions declared Institutions of Eminence so far are:\n\n- University of Delhi\n- Banaras Hindu "
     "University\n- University of Hyderabad\n",
     [("University of Delhi", "participatesIn", "Institutions of Eminence", {}),
      ("Banaras Hindu University", "participatesIn", "Institutions of Eminence", {})], []),
    ("a sentence that goes on after a colon is no list under a heading",
     "The Excellence Strategy funds clusters at the Technical University of Munich. Four clusters have been funded "
     "since 2019: e-conversion, the Munich Center for Quantum Science and Technology, and ORIGINS.",
     [], [("Munich Center for Quantum Science and Technology", "participatesIn", "Excellence Strategy", {})]),
    ("a weekday inside a ranking's name",
     "The University of Glasgow rose to 11th in The Times and The Sunday Times Good University Guide 2025.",
     [("University of Glasgow", "rankedIn", "The Times and The Sunday Times Good University Guide",
       {"rank": "11", "year": "2025"})], []),
    ("a ranking named with its publisher written out and the acronym in brackets",
     "National Taiwan University rose to 21st in the Times Higher Education (THE) Asia University Rankings 2025.",
     [("National Taiwan University", "rankedIn", "THE Asia University Rankings", {"rank": "21"})],
     [("National Taiwan University", "rankedIn", "Times Higher Education World University Rankings", {})]),
    ("this edition's place and the last one's: 'up from 401st last year'",
     "Kazan Federal University is ranked 380th in the QS World University Rankings 2025, up from 401st last year.",
     [("Kazan Federal University", "rankedIn", "QS World University Rankings", {"rank": "380", "year": "2025"}),
      ("Kazan Federal University", "rankedIn", "QS World University Rankings", {"rank": "401", "year": "2024"})],
     [("Kazan Federal University", "rankedIn", "QS World University Rankings", {"rank": "401", "year": "2025"})]),
    ("'rose from 401st to 380th' gives the new place only",
     "In the QS World University Rankings 2025, Kazan Federal University rose from 401st to 380th.",
     [("Kazan Federal University", "rankedIn", "QS World University Rankings", {"rank": "380", "year": "2025"})],
     [("Kazan Federal University", "rankedIn", "QS World University Rankings", {"rank": "401"})]),
    ("an alliance's name written with a dot: '3TU.Federation'",
     "Wageningen University & Research joined the 4TU.Federation in 2016.",
     [("Wageningen University & Research", "memberOf", "4TU.Federation", {"since": "2016"})], []),
    ("founders counted, then listed after a colon",
     "The Australian Technology Network was established in 1999 by five universities with roots in the institutes "
     "of technology: Curtin University, the Queensland University of Technology, RMIT University, the University of "
     "South Australia and the University of Technology Sydney.",
     [("Australian Technology Network", "founder", "Curtin University", {}),
      ("Australian Technology Network", "founder", "University of Technology Sydney", {})], []),
    ("some of the counted founders named as founding members",
     "The Guild of European Research-Intensive Universities was set up in 2016 by 18 research-intensive "
     "universities; its founding members include the University of Glasgow, Uppsala University and the University "
     "of Bologna.",
     [("Guild of European Research-Intensive Universities", "founder", "Uppsala University", {}),
      ("Uppsala University", "memberOf", "Guild of European Research-Intensive Universities", {"role": "founding"})],
     []),
    ("an elided word opens a name: 'Ca' Foscari'; partners listed after 'include' are no members",
     "Ca' Foscari University of Venice joined EUTOPIA in 2022. Its global partners include the University of Cape "
     "Town and Kyung Hee University.",
     [("Ca' Foscari University of Venice", "memberOf", "EUTOPIA", {"since": "2022"})],
     [("University of Cape Town", "memberOf", "EUTOPIA", {}), ("Kyung Hee University", "memberOf", "EUTOPIA", {})]),
    ("a second alliance the parse leaves outside 'a member of'; 'the Guild' after its full name",
     "Glasgow is also a member of Universitas 21 (U21) and The Guild of European Research-Intensive Universities. "
     "The Guild was set up in 2016; its members include Uppsala University.",
     [("University of Glasgow", "memberOf", "Guild of European Research-Intensive Universities", {}),
      ("Uppsala University", "memberOf", "Guild of European Research-Intensive Universities", {})],
     [("Uppsala University", "memberOf", "Universitas 21", {})]),
    ("a ranking named in passing does not take the placements that follow",
     "National Taiwan University rose to 21st in the THE Asia University Rankings 2025. The table uses the same "
     "indicators as the World University Rankings. National Tsing Hua University was ranked 45th.",
     [("National Tsing Hua University", "rankedIn", "THE Asia University Rankings", {"rank": "45"})],
     [("National Tsing Hua University", "rankedIn", "Times Higher Education World University Rankings", {})]),
    ("a list under a heading that names the programme; a unit's line places its university",
     "The ministry has published the 2024 accreditations.\n\nMaría de Maeztu Units of Excellence (unit – "
     "university):\nInstitute of Cosmos Sciences – University of Barcelona\nDepartment of Economics – University "
     "of Granada\n",
     [("University of Barcelona", "participatesIn", "María de Maeztu Units of Excellence", {}),
      ("University of Granada", "participatesIn", "María de Maeztu Units of Excellence", {})],
     [("Institute of Cosmos Sciences", "participatesIn", "María de Maeztu Units of Excellence", {})]),
    ("partners listed after 'Its partners include', 'its' the organisation the sentence before was about",
     "Beyond Europe, EUTOPIA has built strategic partnerships with six universities on other continents. Its global "
     "partners include the University of Technology Sydney (Australia) and Kyung Hee University (South Korea).",
     [("EUTOPIA", "partnerOf", "University of Technology Sydney", {}), ("EUTOPIA", "partnerOf", "Kyung Hee University", {})],
     [("EUTOPIA", "memberCount", "6", {})]),
    ("a joint school with B owned by the house-style 'the University' (the publisher)",
     "Glasgow climbs in the guide\n\nThe University of Glasgow has risen to 11th in the guide. Beyond Europe, the "
     "University's joint graduate school with Nankai University in Tianjin celebrated its tenth anniversary, and a new "
     "agreement was signed with the University of Nairobi (Kenya) in July.",
     [("University of Glasgow", "partnerOf", "Nankai University", {}),
      ("University of Glasgow", "partnerOf", "University of Nairobi", {})], []),
    ("'welcomes A as B leaves': B is in a clause of its own, not welcomed, and A does not leave",
     "The IDEA League welcomes Chalmers University of Technology as Imperial College London leaves.",
     [("Chalmers University of Technology", "memberOf", "IDEA League", {"role": "member"})],
     [("Chalmers University of Technology", "memberOf", "IDEA League", {"role": "former"}),
      ("Imperial College London", "memberOf", "IDEA League", {"role": "member"})]),
    ("a predecessor heads what the successor heads, in a post that has ended",
     "Tohoku University News\n\nTohoku University President Teiji Tominaga succeeded Hideo Ohno, who had led the "
     "university since 2018.",
     [("Teiji Tominaga", "headOf", "Tohoku University", {"role": "president"}),
      ("Hideo Ohno", "headOf", "Tohoku University", {"ended": "true"})],
     [("Hideo Ohno", "headOf", "Tohoku University", {"ended": None})]),
    ("'succeeding' a predecessor whose term ended in a year",
     "The plan was welcomed by the Vice-Chancellor of the University of Hyderabad, Prof. Basuthkar Rao, succeeding "
     "Prof. Podile Appa Rao, who completed his five-year term in 2020.",
     [("Podile Appa Rao", "headOf", "University of Hyderabad", {"ended": "true", "until": "2020"})], []),
    ("an honorary doctorate among the honorifics before a head's name",
     "The University of Bonn won six clusters. \"A great day,\" said Rector Prof. Dr. h.c. Michael Hoch of the "
     "University of Bonn.",
     [("Michael Hoch", "headOf", "University of Bonn", {"role": "rector"})], []),
    ("a position within a country is no rank, unless the ranking is that country's own",
     "In the QS World University Rankings 2025, the University of Jordan is first in Jordan. The University of "
     "Glasgow rose to 11th in the UK in the Guardian University Guide 2025.",
     [("University of Glasgow", "rankedIn", "Guardian University Guide", {"rank": "11"})],
     [("University of Jordan", "rankedIn", "QS World University Rankings", {"rank": "1"})]),
    ("a rank that looks like a year: 'ranked 1822 in the world'",
     "In the Webometrics Ranking of World Universities, Ahmadu Bello University ranked 1822 in the world.",
     [("Ahmadu Bello University", "rankedIn", "Webometrics Ranking of World Universities", {"rank": "1822"})], []),
    ("places in the ranking spoken of: 'A is 4th and B 5th', places in brackets",
     "The Center for World University Rankings has published its Global 2000 List. The University of Cambridge is "
     "4th and the University of Oxford 5th. Stellenbosch University (287th) and the University of the "
     "Witwatersrand (=301) follow.",
     [("University of Oxford", "rankedIn", "Center for World University Rankings", {"rank": "5"}),
      ("University of the Witwatersrand", "rankedIn", "Center for World University Rankings", {"rank": "301"})], []),
    ("an edition named by two years is its first year's",
     "The University of Cape Town is 139th in the U.S. News & World Report 2025-2026 Best Global Universities "
     "rankings, up from 155th in the previous edition.",
     [("University of Cape Town", "rankedIn", "U.S. News Best Global Universities", {"rank": "139", "year": "2025"}),
      ("University of Cape Town", "rankedIn", "U.S. News Best Global Universities", {"rank": "155", "year": "2024"})],
     []),
    ("while a programme is spoken of, universities that receive its support or keep its status take part",
     "Kyungpook National University was selected for the Brain Korea 21 project. Seoul National University and "
     "Yonsei University also received support. Ten universities, including Korea University, kept their status, "
     "while Ajou University lost it.",
     [("Seoul National University", "participatesIn", "Brain Korea 21", {}),
      ("Yonsei University", "participatesIn", "Brain Korea 21", {}),
      ("Korea University", "participatesIn", "Brain Korea 21", {})],
     [("Ajou University", "participatesIn", "Brain Korea 21", {})]),
    ("a programme that funds or confirms universities",
     "The Jagiellonian University has been confirmed as a research university in the Excellence Initiative – "
     "Research University programme. The Finnish Flagship Programme also funds flagships at the University of "
     "Helsinki and Aalto University.",
     [("Jagiellonian University", "participatesIn", "Excellence Initiative – Research University", {}),
      ("University of Helsinki", "participatesIn", "Finnish Flagship Programme", {})], []),
    ("universities a programme did not fund take no part in it",
     "The Finnish Flagship Programme funds six new flagships. Proposals led by the University of Vaasa and by LUT "
     "University reached the interview stage but were not funded this time.",
     [], [("University of Vaasa", "participatesIn", "Finnish Flagship Programme", {}),
          ("LUT University", "participatesIn", "Finnish Flagship Programme", {})]),
    ("a list line with a note in brackets does not end the list",
     "The Finnish Flagship Programme has chosen its new flagships. The flagships selected are hosted by the "
     "following universities:\n\nUniversity of Oulu (6G Flagship, continued)\n\nUniversity of Helsinki\n\n"
     "Aalto University\n",
     [("University of Helsinki", "participatesIn", "Finnish Flagship Programme", {}),
      ("Aalto University", "participatesIn", "Finnish Flagship Programme", {})], []),
    ("counted founders listed after a colon, a name with a dash among them; named and counted founders together",
     "Una Europa was founded in 2019 by eight universities: Alma Mater Studiorum – Università di Bologna, Freie "
     "Universität Berlin, KU Leuven and the University of Edinburgh. CESAER was founded in 1990 by 20 universities "
     "of science and technology, among them KU Leuven, which hosts its secretariat.",
     [("Una Europa", "founder", "University of Bologna", {}), ("Una Europa", "founder", "University of Edinburgh", {}),
      ("CESAER", "founder", "KU Leuven", {})], []),
    ("a named founder and others counted, some of them listed",
     "Una Europa was co-founded in 2019 by the Jagiellonian University and seven other European universities, among "
     "them KU Leuven and the University of Edinburgh.",
     [("Una Europa", "founder", "Jagiellonian University", {}), ("Una Europa", "founder", "KU Leuven", {})], []),
    ("an acronym that opens the sentence, tagged an adverb, is still the member; 'a member of A and of B'",
     "The University of Cape Town (UCT) rose again. UCT is a founding member of ARUA, which was launched in Dakar in "
     "2015. UCT is also a member of the Worldwide Universities Network (WUN) and of the Association of Commonwealth "
     "Universities.",
     [("University of Cape Town", "memberOf", "African Research Universities Alliance", {"role": "founding"}),
      ("University of Cape Town", "memberOf", "Association of Commonwealth Universities", {})], []),
    ("a hyphenated given name; 'Its president, A,'",
     "Kyungpook National University News\n\nKyungpook National University leads the programme. Its president, Hong "
     "Won-hwa, took office in October 2020. Dr. Chen Wen-chang became president of National Taiwan University in "
     "2023.",
     [("Hong Won-hwa", "headOf", "Kyungpook National University", {"role": "president"})], []),
    ("a head who took up the office of a title",
     "Professor Piotr Jedynak formally took up the office of Rector of the Jagiellonian University on 1 September.",
     [("Piotr Jedynak", "headOf", "Jagiellonian University", {"role": "rector"})], []),
    ("a head who 'became' or 'took office as' a lower-case title, named as the statistical model does not see",
     "Jan Smits became rector of Ghent University in 2025. Petra De Sutter took office as rector of Hasselt "
     "University on 1 October 2025.",
     [("Jan Smits", "headOf", "Ghent University", {"role": "rector"}),
      ("Petra De Sutter", "headOf", "Hasselt University", {"role": "rector"})], []),
    ("a predecessor named after 'succeeded' / 'took over from', the successor a pronoun",
     "Héctor Cancela was elected rector of the University of the Republic in 2022, when he succeeded Rodrigo Arim. "
     "Alessandra Petrucci became rector of the University of Padua in 2024, when she took over from Rosario Rizzuto.",
     [("Rodrigo Arim", "headOf", "University of the Republic", {"role": "rector", "ended": "true"}),
      ("Rosario Rizzuto", "headOf", "University of Padua", {"role": "rector", "ended": "true"})], []),
    ("'Rector A, who took office at X': the title before the name, the organisation after 'at'",
     "Rector Petra De Sutter, who took office at Ghent University on 1 October 2025, opened the meeting. "
     "Vice-Rector Jan Smits, who took office at Hasselt University in 2024, spoke after her.",
     [("Petra De Sutter", "headOf", "Ghent University", {"role": "rector"})],
     [("Jan Smits", "headOf", "Hasselt University", {})]),
    ("a head who took up 'the role of' a hyphenated title 'at' the organisation",
     "Professor Nic Smith took up the role of Vice-Chancellor at Victoria University of Wellington in 2024.",
     [("Nic Smith", "headOf", "Victoria University of Wellington", {"role": "vice-chancellor"})], []),
    ("a programme launched by 'the Ministry' / 'this ministry': the ministry named before, not another body",
     "The Ministry of Science, Innovation and Universities published the list on Monday. The World Bank was not "
     "involved. The Severo Ochoa programme was launched by this ministry in 2011.",
     [("Severo Ochoa Centres of Excellence", "founder", "Ministry of Science, Innovation and Universities", {})],
     [("Severo Ochoa Centres of Excellence", "founder", "World Bank", {})]),
    ("'the Ministry' with no ministry named before founds nothing",
     "The World Bank published the list on Monday. The Severo Ochoa programme was launched by the Ministry in 2011.",
     [], [("Severo Ochoa Centres of Excellence", "founder", "World Bank", {})]),
    ("'ranked first, followed by B, C and D': the followers take the next places, not the leader's",
     "In the Overall category of NIRF 2025, IIT Madras is ranked first, followed by IISc Bengaluru, IIT Bombay and "
     "IIT Delhi.",
     [("Indian Institute of Technology Bombay", "rankedIn", "National Institutional Ranking Framework", {"rank": "3"}),
      ("Indian Institute of Technology Delhi", "rankedIn", "National Institutional Ranking Framework", {"rank": "4"})],
     [("Indian Institute of Technology Delhi", "rankedIn", "National Institutional Ranking Framework", {"rank": "1"})]),
    ("'the ranking 2025 is led by A, followed by B and C' (the parser reads 'ranking' as a verb)",
     "The QS Sustainability ranking 2025 is led by the University of Toronto (Canada), followed by ETH Zurich "
     "(Switzerland) and Lund University (Sweden).",
     [("University of Toronto", "rankedIn", "QS Sustainability Rankings", {"rank": "1", "year": "2025"}),
      ("Lund University", "rankedIn", "QS Sustainability Rankings", {"rank": "3"})], []),
    ("a list in a sentence that names a programme is not the alliance's, though the alliance was spoken of",
     "The Berlin University Alliance was set up in 2018 by three universities. The remaining Universities of "
     "Excellence are RWTH Aachen University, the University of Konstanz and the Technical University of Munich.",
     [("RWTH Aachen University", "participatesIn", "Excellence Strategy", {})],
     [("RWTH Aachen University", "memberOf", "Berlin University Alliance", {}),
      ("University of Konstanz", "memberOf", "Berlin University Alliance", {})]),
    ("'a founding member of A and also a member of B, C and D': the second member noun and its list",
     "Universiti Malaya is a founding member of the Asian Universities Alliance and also a member of APRU, the ASEAN "
     "University Network (AUN) and the Association of Southeast Asian Institutions of Higher Learning.",
     [("University of Malaya", "memberOf", "Asian Universities Alliance", {"role": "founding"}),
      ("University of Malaya", "memberOf", "Association of Pacific Rim Universities", {"role": "member"}),
      ("University of Malaya", "memberOf", "Association of Southeast Asian Institutions of Higher Learning", {})], []),
    ("'A, a member of X and an associate member of Y,': the second noun in the apposition",
     "The University of Benin, a member of the ACU and an associate member of the Association of African "
     "Universities, hosts the centre.",
     [("University of Benin", "memberOf", "Association of African Universities", {"role": "associate"})], []),
    ("a brand name right after its description: 'the European university alliance Aurora'",
     "In 2022 the University of Oulu joined the European university alliance Aurora as an associate partner.",
     [("University of Oulu", "memberOf", "Aurora Universities Network", {"role": "associate", "since": "2022"})], []),
    ("'the group of research universities is formed by / consists of A, B and C' while a programme is spoken of",
     "Jagiellonian University takes part in the Excellence Initiative – Research University programme. Next to it, "
     "the group of research universities is formed by the University of Warsaw, Adam Mickiewicz University in "
     "Poznań and Nicolaus Copernicus University in Toruń.",
     [("University of Warsaw", "participatesIn", "Excellence Initiative – Research University", {}),
      ("Nicolaus Copernicus University", "participatesIn", "Excellence Initiative – Research University", {})], []),
    ("a body's nationality in its description, before or after its name; 'from the United States'",
     "The ranking was compiled by the British magazine Times Higher Education. The QS ranking is released by "
     "Quacquarelli Symonds (QS), the British company that also publishes it. The first place went to Harvard "
     "University from the United States.",
     [("Times Higher Education", "country", "GB", {}), ("Quacquarelli Symonds", "country", "GB", {}),
      ("Harvard University", "country", "US", {})], []),
    ("an obligation is no founding: 'must be formed by projects by the year 2029'",
     "Al-Farabi Kazakh National University was founded in 1934. Under the programme, 30 percent of the budget of the "
     "university must be formed by scientific projects by the year 2029.",
     [("Al-Farabi Kazakh National University", "founded", "1934", {})],
     [("Al-Farabi Kazakh National University", "founded", "2029", {})]),
    ("a founding dated after the article's own date is none (a plan)",
     "12 March 2023\n\nThe Nordic Five Tech alliance prepares its next step\n\nThe Nordic Tech Network will be launched in 2026 "
     "by the alliance, its secretariat said.",
     [], [("Nordic Five Tech", "founded", "2026", {}), ("Nordic Tech Network", "founded", "2026", {})]),
    ("universities that 'are not within the scope of the programme' do not take part",
     "Five more state universities joined the Research Universities Programme of Turkey. Koç University and "
     "Sabancı University are foundation universities and therefore they are not within the scope of the programme.",
     [], [("Koç University", "participatesIn", "Research Universities Program (Turkey)", {}),
          ("Sabancı University", "participatesIn", "Research Universities Program (Turkey)", {})]),
    ("a short name after a full 'University of X' in a list (the parser hangs it on the name's 'of')",
     "Emory joined the AAU in 1995. Its other members in the region include Rice, the University of Virginia, the "
     "University of North Carolina and Vanderbilt.",
     [("Vanderbilt University", "memberOf", "Association of American Universities", {})], []),
    ("'launched last week' / 'joined last month': dates counted from the article's own date",
     "17 January 2015\n\nA new research alliance for West Africa\n\nThe West African Research Universities Network "
     "(WARUN) was launched in Dakar last week. The University of Ghana joined the Coimbra Group last month.",
     [("West African Research Universities Network", "founded", "2015", {}),
      ("University of Ghana", "memberOf", "Coimbra Group", {"since": "2014-12"})], []),
    ("a predecessor's post is the one the text says ended ('whose term as Chair ended', 'who chaired'), not the "
     "successor's other post",
     "The Board elected Professor Margareth Hagen, Rector of the University of Bergen, as Chair of the Worldwide "
     "Universities Network. She succeeds Professor Koen Lamberts, President and Vice-Chancellor of the University of "
     "Sheffield, whose term as Chair ended at the close of the conference. Professor Dawn Freshwater, Vice-Chancellor "
     "of the University of Auckland, was elected Chair of the Association of Pacific Rim Universities. She takes over "
     "from Professor Hiroshi Tanabe, who chaired the Board since January 2024.",
     [("Koen Lamberts", "headOf", "Worldwide Universities Network", {"role": "chair", "ended": "true"}),
      ("Hiroshi Tanabe", "headOf", "Association of Pacific Rim Universities", {"role": "chair", "ended": "true"})],
     [("Koen Lamberts", "headOf", "University of Bergen", {}),
      ("Hiroshi Tanabe", "headOf", "University of Auckland", {})]),
    ("'X, which is chaired by A': X is the name right before 'which', never one further back in the list",
     "KTU is a member of the Baltic Sea Region University Network (BSRUN), also a member of EUA and of the Lithuanian "
     "Universities Rectors' Conference (LURK), which is chaired by Rector of Vilnius University Prof. Rimvydas "
     "Petrauskas.",
     [("Rimvydas Petrauskas", "headOf", "Vilnius University", {"role": "rector"})],
     [("Rimvydas Petrauskas", "headOf", "European University Association", {})]),
    ("a speaker's title names no organisation from inside the quotation",
     '"Bern brings strong research in climate, which is exactly what our alliance was built around," said Rector '
     'Petra De Sutter, who took office at Ghent University on 1 October 2025.',
     [("Petra De Sutter", "headOf", "Ghent University", {"role": "rector"})],
     [("Petra De Sutter", "headOf", "University of Bern", {})]),
    ("'the decision of A to leave X' / 'A's decision to leave X': A leaves X",
     "The General Assembly took note of the decision of the University of Warwick to leave the Coimbra Group at the "
     "end of 2025. Ghent University's decision to leave the Utrecht Network takes effect in 2026.",
     [("University of Warwick", "memberOf", "Coimbra Group", {"role": "former", "until": "2025"}),
      ("Ghent University", "memberOf", "Utrecht Network", {"role": "former"})], []),
    ("'B, with which A has worked closely' / 'a partner of B, with which it runs a joint programme'",
     "The Max Planck Institute for Mathematics, with which the University of Bonn has worked closely for four "
     "decades, is again a partner. The University of Innsbruck is a partner of the Max Planck Institute of Quantum "
     "Optics, with which it runs a joint doctoral programme.",
     [("Max Planck Institute for Mathematics", "partnerOf", "University of Bonn", {}),
      ("University of Innsbruck", "partnerOf", "Max Planck Institute of Quantum Optics", {})], []),
    ("an organisation that 'works (closely) with' others; not fellow members, not a unit, not its researchers",
     "Ghent University works closely with Leiden University and KU Leuven. The Association of Commonwealth "
     "Universities will also continue to work with the British Council. Researchers of Ghent University work with "
     "the University of Oxford. NTNU is a member of ENHANCE, in which it works together with Chalmers University of "
     "Technology.",
     [("Ghent University", "partnerOf", "Leiden University", {}), ("Ghent University", "partnerOf", "KU Leuven", {}),
      ("Association of Commonwealth Universities", "partnerOf", "British Council", {})],
     [("Ghent University", "partnerOf", "University of Oxford", {}),
      ("Norwegian University of Science and Technology", "partnerOf", "Chalmers University of Technology", {})]),
    ("'the agreements of the Network with X and with Y': the 'of' phrase owns the agreements",
     "The Utrecht Network held its AGM in Tartu. The AGM renewed for five years the agreements of the Network with "
     "the Mid-America Universities International (MAUI) consortium and with the Australia-Europe Network (AEN).",
     [("Utrecht Network", "partnerOf", "Australia-Europe Network", {}),
      ("Utrecht Network", "partnerOf", "Mid-America Universities International", {})], []),
    ("a related-news line the parser reads as a noun phrase",
     "More news\n\nUniversity of Oulu and University of Notre Dame sign agreement on wireless research\n",
     [("University of Oulu", "partnerOf", "University of Notre Dame", {})], []),
    ("a related-news line the tagger reads with a verb, and one joined by a comma",
     "More news\n\n- Kenyatta University and Egerton University sign joint PhD supervision framework\n"
     "- Makerere University, University of Ghana sign MoU on public health\n- Students win the hackathon\n",
     [("Kenyatta University", "partnerOf", "Egerton University", {}),
      ("Makerere University", "partnerOf", "University of Ghana", {})], []),
    ("two signatories the parser does not coordinate (the first name hangs on the second)",
     "Kenyatta University and Egerton University signed a framework agreement on Monday.",
     [("Kenyatta University", "partnerOf", "Egerton University", {})], []),
    ("universities signing an alliance's charter are not partners of each other",
     "The EUTOPIA alliance has welcomed four new members. Babeș-Bolyai University, NOVA University Lisbon, Technische "
     "Universität Dresden and Ca' Foscari University of Venice have signed the alliance's Membership Charter.",
     [], [("NOVA University Lisbon", "partnerOf", "Ca' Foscari University of Venice", {}),
          ("Babeș-Bolyai University", "partnerOf", "NOVA University Lisbon", {})]),
    ("an alliance co-founded by counted universities, two of them named",
     "Maastricht University belongs to the Young European Research Universities Network (YERUN), which was "
     "co-founded in 2015 by 18 universities, among them Maastricht University and the University of Konstanz.",
     [("Young European Research Universities Network", "founder", "University of Konstanz", {}),
      ("Maastricht University", "memberOf", "Young European Research Universities Network", {"role": "founding"})], []),
    ("an alliance set up (past-tense form) by counted universities listed after a colon, with 'together with'",
     "Granada belongs to the Arqus European University Alliance, set up in 2019 by seven universities: the University "
     "of Granada together with the universities of Bergen, Graz and Vilnius.",
     [("Arqus European University Alliance", "founder", "University of Bergen", {}),
      ("Arqus European University Alliance", "founder", "University of Granada", {})], []),
    ("a plural description of the universities named before founds an alliance",
     "Freie Universität Berlin, Humboldt-Universität zu Berlin and Technische Universität Berlin prepared a joint bid. "
     "The three Berlin universities set up the Berlin University Alliance jointly in 2018.",
     [("Berlin University Alliance", "founder", "Free University of Berlin", {}),
      ("Berlin University Alliance", "founder", "Technical University of Berlin", {})], []),
    ("a government body launches a programme",
     "The Double First-Class initiative was launched by the State Council in 2015.",
     [("Double First-Class Construction", "founder", "State Council of the People's Republic of China", {})], []),
    ("a programme agreed by a body",
     "The Excellence Strategy was agreed in 2016 by the Joint Science Conference as the successor to the Excellence "
     "Initiative.",
     [("Excellence Strategy", "founder", "Joint Science Conference", {})], []),
    ("an unknown programme named with its acronym before the head noun",
     "Universiti Malaya was designated a research university under the Research University (RU) programme launched "
     "by the Ministry of Higher Education.",
     [("Research University", "founder", "Ministry of Higher Education", {}),
      ("University of Malaya", "participatesIn", "Research University", {})], []),
    ("universities that succeed while a programme is spoken of take part; the unsuccessful do not",
     "The Excellence Strategy is funded by the federal and state governments.\n\nThe University of Bonn and "
     "the University of Hamburg were successful. The University of Cologne was not successful.",
     [("University of Bonn", "participatesIn", "Excellence Strategy", {}),
      ("University of Hamburg", "participatesIn", "Excellence Strategy", {})],
     [("University of Cologne", "participatesIn", "Excellence Strategy", {})]),
    ("short names listed after a colon; a place-like name shared by two universities is the one of the list's country",
     "The N8 Research Partnership brings together eight northern universities: Durham, Lancaster, Leeds, Liverpool, "
     "Manchester, Newcastle, Sheffield and York.",
     [("University of Liverpool", "memberOf", "N8 Research Partnership", {}),
      ("University of York", "memberOf", "N8 Research Partnership", {})],
     [("York University", "memberOf", "N8 Research Partnership", {})]),
    ("a plain-text table whose columns are set apart by runs of spaces, under a heading of newcomers",
     "Double First-Class list grows\n\nThe second round of the Double First-Class list adds seven universities. "
     "The newcomers and their disciplines are:\n\nXiangtan University     Mathematics\nShanxi University     Physics\n",
     [("Xiangtan University", "participatesIn", "Double First-Class Construction", {}),
      ("Shanxi University", "participatesIn", "Double First-Class Construction", {})], []),
    ("the leader of a table, the universities 'followed by' it, and a first place held 'for the second year in a row'",
     "Universiti Malaya is 5th in the QS Asia University Rankings 2025. Peking University took first place for the "
     "second year in a row, followed by the University of Hong Kong and the National University of Singapore.",
     [("Peking University", "rankedIn", "QS Asia University Rankings", {"rank": "1", "year": "2025"}),
      ("Peking University", "rankedIn", "QS Asia University Rankings", {"rank": "1", "year": "2024"}),
      ("University of Hong Kong", "rankedIn", "QS Asia University Rankings", {"rank": "2", "year": "2025"}),
      ("National University of Singapore", "rankedIn", "QS Asia University Rankings", {"rank": "3", "year": "2025"})],
     []),
    ("a table 'led by' a university: first place",
     "Pompeu Fabra University is 11th in the THE Young University Rankings 2024. The table is led for the second "
     "consecutive year by Université PSL, followed by Nanyang Technological University, Singapore (NTU Singapore) "
     "and the Hong Kong University of Science and Technology.",
     [("PSL University", "rankedIn", "THE Young University Rankings", {"rank": "1", "year": "2024"}),
      ("Hong Kong University of Science and Technology", "rankedIn", "THE Young University Rankings",
       {"rank": "3", "year": "2024"})], []),
    ("'such as' universities with their acronyms, placed 'respectively' in the ranking spoken of",
     "Pompeu Fabra University is 11th in the THE Young University Rankings 2024. Other Spanish universities such as "
     "the Universidad Carlos III de Madrid (UC3M) and the Universitat Rovira i Virgili (URV) hold the joint 49th and "
     "the 73rd positions respectively.",
     [("Universidad Carlos III de Madrid", "rankedIn", "THE Young University Rankings", {"rank": "49"}),
      ("Universitat Rovira i Virgili", "rankedIn", "THE Young University Rankings", {"rank": "73"})], []),
    ("a university's long first word cut short as its everyday name",
     "Chulalongkorn University hosted the forum, and Chula thanked the guests. Chula is also a member of APRU and "
     "the ASEAN University Network (AUN).",
     [("Chulalongkorn University", "memberOf", "Association of Pacific Rim Universities", {}),
      ("Chulalongkorn University", "memberOf", "ASEAN University Network", {})], []),
    ("a member that will end its membership on a date",
     "The University of Bristol has told the Coimbra Group that it will end its membership on 31 December 2025.",
     [("University of Bristol", "memberOf", "Coimbra Group", {"role": "former", "until": "2025-12-31"})], []),
    ("a consortium set up jointly and later dissolved: its founding memberships end, its founders stay",
     "In 2019 Kumamoto University set up the Kyushu Semiconductor Graduate Education Consortium jointly with Kyushu "
     "University and Kagoshima University. The consortium was dissolved in March 2023.",
     [("Kyushu University", "memberOf", "Kyushu Semiconductor Graduate Education Consortium",
       {"role": "founding", "until": "2023-03"}),
      ("Kyushu Semiconductor Graduate Education Consortium", "founder", "Kagoshima University", {})],
     [("Kumamoto University", "partnerOf", "Kyushu University", {})]),
    ("memberships that 'remain suspended' since a month",
     "The University of the Arctic counts 218 members. Since March 2022 the memberships of its Russian members, among "
     "them the Northern (Arctic) Federal University and the North-Eastern Federal University, remain suspended.",
     [("North-Eastern Federal University", "memberOf", "University of the Arctic", {"role": "former", "until": "2022-03"})],
     []),
    ("'the partners of X include A (Country), B'",
     "Universitas Airlangga (UNAIR) leads the work. The partners of UNAIR in this work include Kobe University (Japan) "
     "and the University of Groningen (Netherlands).",
     [("Airlangga University", "partnerOf", "Kobe University", {}),
      ("Airlangga University", "partnerOf", "University of Groningen", {})], []),
    ("organisations listed right after 'its partner research organisations'",
     "The University of Lorraine works in close alliance with its partner research organisations CNRS, Inria and Inserm.",
     [("University of Lorraine", "partnerOf", "French National Centre for Scientific Research", {}),
      ("University of Lorraine", "partnerOf", "French National Institute of Health and Medical Research", {})], []),
    ("'among the founders of X in 1964'",
     "Cairo University was among the founders of the Association of Arab Universities in 1964.",
     [("Association of Arab Universities", "founder", "Cairo University", {}),
      ("Association of Arab Universities", "founded", "1964", {})], []),
    ("a ranking 'first published' in a year by its maker; a later edition's publication is no founding",
     "The Academic Ranking of World Universities places eight Group of Eight members in the top 150. The ranking, "
     "first published in 2003 by Shanghai Jiao Tong University, is watched closely. The 2023 edition was published "
     "in August.",
     [("Academic Ranking of World Universities", "founded", "2003", {})],
     [("Academic Ranking of World Universities", "founded", "2023", {}),
      ("Shanghai Jiao Tong University", "rankedIn", "Academic Ranking of World Universities", {})]),
    ("the chair of an alliance's board heads the alliance",
     "The Coimbra Group held its General Assembly in Granada. The Assembly elected Professor Pavel Hrubý, Vice-Rector "
     "for International Relations at Charles University, as Chair of the Executive Board. He succeeds Professor Claire "
     "Durand-Morel, who chaired the Board since 2019.",
     [("Pavel Hrubý", "headOf", "Coimbra Group", {"role": "chair"}),
      ("Claire Durand-Morel", "headOf", "Coimbra Group", {"ended": "true"})], []),
    ("'Its rector, A,' after a sentence about another organisation than the publisher",
     "Nord University joined the University of the Arctic in 2016. Its rector, Hanna Kristiansen, welcomed the guests.",
     [("Hanna Kristiansen", "headOf", "Nord University", {"role": "rector"})],
     [("Hanna Kristiansen", "headOf", "University of the Arctic", {})]),
    ("an association 'chaired by the rector of Y, A'",
     "Tomsk State University belongs to the Association of Classical Universities of Russia, which is chaired by the "
     "rector of Lomonosov Moscow State University, Viktor Sadovnichy.",
     [("Viktor Sadovnichy", "headOf", "Association of Classical Universities of Russia", {"role": "chair"})], []),
    ("hyphenated family names of a head and the predecessor he succeeded",
     "Prof. Dr. Mohamed Sami Abdel-Sadek, President of Cairo University, who took office in 2023 succeeding Prof. Dr. "
     "Mohamed Othman El-Khosht, thanked the researchers.",
     [("Mohamed Sami Abdel-Sadek", "headOf", "Cairo University", {"role": "president"}),
      ("Mohamed Othman El-Khosht", "headOf", "Cairo University", {"ended": "true"})], []),
    ("an unknown 'University of ...' that an apposition calls a grouping is an alliance, with its listed members",
     "The University of Lorraine is part of the University of the Greater Region (UniGR), a grouping created in 2008. "
     "UniGR today brings together six universities: the University of Lorraine, the University of Liège and the "
     "University of Luxembourg, among others.",
     [("University of Liège", "memberOf", "University of the Greater Region", {}),
      ("University of the Greater Region", "memberCount", "6", {})], []),
    ("universities placed in a ranking while an alliance is spoken of are not its members",
     "The University of Cape Town, a member of the African Research Universities Alliance, is first in Africa in the "
     "U.S. News Best Global Universities 2024. The University of KwaZulu-Natal and the University of Pretoria were "
     "ranked 389th and 398th respectively.",
     [("University of Pretoria", "rankedIn", "U.S. News Best Global Universities", {"rank": "398"})],
     [("University of Pretoria", "memberOf", "African Research Universities Alliance", {})]),
    ("members an earlier sentence announces, then named with their places",
     "The University of Queensland is 40th in the QS World University Rankings 2025. Alongside UQ, four other members "
     "of the Group of Eight made the top 50. The University of Melbourne and the University of Sydney were ranked "
     "13th and 18th respectively.",
     [("University of Sydney", "memberOf", "Group of Eight (Australian universities)", {}),
      ("University of Sydney", "rankedIn", "QS World University Rankings", {"rank": "18"})], []),
    ("a programme named in quotes after its cue word, its status received in the passive",
     "Al-Farabi Kazakh National University (KazNU) has received the status of research university under the state "
     "programme \"Research Universities\", adopted by the Ministry of Science and Higher Education in 2023. Together "
     "with KazNU, the status was received by Satbayev University.",
     [("Al-Farabi Kazakh National University", "participatesIn", "Research Universities", {}),
      ("Satbayev University", "participatesIn", "Research Universities", {}),
      ("Research Universities", "founder", "Ministry of Science and Higher Education", {})], []),
    ("an alliance 'born' by counted universities listed after a colon (a translation's founding)",
     "The University of Milan is a founding member of the 4EU+ European University Alliance, born in 2019 by six "
     "universities: Charles University, Heidelberg University, Sorbonne University, the University of Copenhagen, "
     "the University of Warsaw and the University of Milan.",
     [("4EU+ European University Alliance", "founder", "Heidelberg University", {}),
      ("4EU+ European University Alliance", "founded", "2019", {})], []),
    ("'Rector Magnificus' before a name; a titled subject with the person in apposition chairs an alliance",
     "Rector Magnificus Silvia Lenaerts opened the academic year. TU Delft's Rector Magnificus, Professor Tim van der "
     "Hagen, currently chairs the 4TU.Federation.",
     [("Tim van der Hagen", "headOf", "4TU.Federation", {"role": "chair"}),
      ("Tim van der Hagen", "headOf", "Delft University of Technology", {"role": "rector"})],
     [("Magnificus Silvia Lenaerts", "headOf", "Delft University of Technology", {})]),
    ("a university 'joins' others in a programme the sentence names",
     "With this decision, the University of Bonn joins Heidelberg University and the University of Tübingen among "
     "the universities funded by the Excellence Strategy.",
     [("University of Bonn", "participatesIn", "Excellence Strategy", {}),
      ("University of Tübingen", "participatesIn", "Excellence Strategy", {})], []),
    ("a governing body named before its association: the association is the organisation",
     "The Council of the Association of Commonwealth Universities (ACU) met in London. The University of Malta has "
     "been a member of the ACU since 1950.",
     [("University of Malta", "memberOf", "Association of Commonwealth Universities", {"since": "1950"})], []),
    ("notice of a withdrawal, with the date it takes effect",
     "Kingston University has given notice of its withdrawal from the Association of Commonwealth Universities with "
     "effect from 31 July 2025.",
     [("Kingston University", "memberOf", "Association of Commonwealth Universities",
       {"role": "former", "until": "2025-07-31"})], []),
    ("universities 'added to the list' of the programme spoken of",
     "In 2017 the Council of Higher Education launched the Research Universities programme with ten universities. In "
     "the following years Atatürk University and Ege University have also been added to the list.",
     [("Ege University", "participatesIn", "Research Universities Program (Turkey)", {})], []),
    ("an acronym the article defines for a name only the NER found beats the gazetteer's acronym",
     "Dalhousie University is also a member of the Association of Atlantic Universities (AAU). The AAU brings "
     "together 16 universities in Atlantic Canada.",
     [], [("Dalhousie University", "memberOf", "Association of American Universities", {}),
          ("Association of American Universities", "memberCount", "16", {})]),
    ("founders named as the subject of a relative clause whose object is the alliance",
     "ENLIGHT grew out of the U4 Network, which Ghent University, the University of Göttingen, the University of "
     "Groningen and Uppsala University set up in 2008.",
     [("U4 Network", "founder", "University of Groningen", {}), ("U4 Network", "founder", "Uppsala University", {})], []),
    ("'a member of X and of Y': two alliances, not one name",
     "Ghent University is also a member of the Utrecht Network and of the European University Association.",
     [("Ghent University", "memberOf", "Utrecht Network", {}),
      ("Ghent University", "memberOf", "European University Association", {})], []),
    ("a 'classification headed, as in the previous edition, by' a university, 'followed by' others",
     "The University of Guadalajara is 23rd in the THE Latin America University Rankings 2024. The classification is "
     "headed, as in the previous edition, by the Pontificia Universidad Católica de Chile, followed by the University "
     "of São Paulo and the State University of Campinas.",
     [("Pontifical Catholic University of Chile", "rankedIn", "THE Latin America University Rankings",
       {"rank": "1", "year": "2023"}),
      ("State University of Campinas", "rankedIn", "THE Latin America University Rankings", {"rank": "3"})], []),
    ("an assembly that terminates the membership of a university: that university leaves",
     "The Utrecht Network held its annual meeting in Tartu. After long discussions the meeting decided to terminate "
     "the membership of the University of Primorska.",
     [("University of Primorska", "memberOf", "Utrecht Network", {"role": "former"})], []),
    ("a title before the name and the organisation after it ('Rector Prof. Dr. A of Y')",
     "Rector Prof. Dr. Ulrich Rüdiger of RWTH Aachen University opened the meeting.",
     [("Ulrich Rüdiger", "headOf", "RWTH Aachen University", {"role": "rector"})], []),
    ("'occupied positions 5, 14 and 38 respectively' in the ranking spoken of",
     "The University of Guadalajara is 23rd in the THE Latin America University Rankings 2024. Other Mexican "
     "universities such as the Tecnológico de Monterrey, the National Autonomous University of Mexico (UNAM) and the "
     "Metropolitan Autonomous University (UAM) occupied positions 5, 14 and 38 respectively.",
     [("National Autonomous University of Mexico", "rankedIn", "THE Latin America University Rankings", {"rank": "14"}),
      ("Metropolitan Autonomous University", "rankedIn", "THE Latin America University Rankings", {"rank": "38"})], []),
    ("partners listed under a heading of agreements",
     "Kyungpook National University News\n\nIn 2023 Kyungpook National University signed memoranda of understanding "
     "with:\n\n- Tohoku University (Japan) – joint research in materials science\n- University of Wisconsin–Madison "
     "(USA) – graduate student exchange\n",
     [("Kyungpook National University", "partnerOf", "Tohoku University", {}),
      ("Kyungpook National University", "partnerOf", "University of Wisconsin–Madison", {})], []),
    ("co-founders listed after 'together with' in a relative clause",
     "Chalmers belongs to the Nordic Five Tech alliance, which it set up in 2006 together with DTU, Aalto University "
     "and NTNU.",
     [("Nordic Five Tech", "founder", "Aalto University", {}),
      ("Nordic Five Tech", "founder", "Norwegian University of Science and Technology", {})],
     [("Aalto University", "memberOf", "League of European Research Universities", {})]),
    ("members listed after 'together with' share the member's alliance",
     "The University of Porto is a member of the Coimbra Group, together with the University of Coimbra and the "
     "University of Salamanca.",
     [("University of Salamanca", "memberOf", "Coimbra Group", {}),
      ("University of Coimbra", "memberOf", "Coimbra Group", {})], []),

    ("universities 'joined by' others in a programme named in an earlier sentence",
     "Kyoto University was selected for the Top Global University Project in 2014. Among the first selections the "
     "university is joined by the University of Tokyo and Osaka University.",
     [("University of Tokyo", "participatesIn", "Top Global University Project", {}),
      ("Osaka University", "participatesIn", "Top Global University Project", {})], []),

    ("an alliance's brand word alone, once the text has named the alliance with it",
     "The University of Iceland hosted the rectors of the Aurora alliance in October. Aurora admitted the "
     "University of Innsbruck as a full member.",
     [("University of Innsbruck", "memberOf", "Aurora Universities Network", {})], []),
    ("a brand that is a city is the city: 'in Berlin' after the Berlin University Alliance",
     "Freie Universität Berlin is a member of the Berlin University Alliance. Its rector met the Charité's board "
     "in Berlin on Monday, together with Humboldt-Universität zu Berlin.",
     [("Free University of Berlin", "memberOf", "Berlin University Alliance", {})],
     [("Humboldt University of Berlin", "memberOf", "Berlin University Alliance", {})]),
    ("a QS regional ranking by its official name",
     "Charles University has placed 89th in the QS World University Rankings: Europe 2025.",
     [("Charles University", "rankedIn", "QS Europe University Rankings", {"rank": "89", "year": "2025"})], []),

    ("'the network was dissolved' after a relative clause: the network named before it in the sentence",
     "The University of Tartu is a member of the Coimbra Group. It was among the founders of the Baltic Rectors "
     "Network, which it set up in 2005 together with Vilnius University; the network was dissolved in 2016.",
     [("Vilnius University", "memberOf", "Baltic Rectors Network", {"until": "2016"}),
      ("University of Tartu", "memberOf", "Coimbra Group", {"role": "member"})],
     [("University of Tartu", "memberOf", "Coimbra Group", {"until": "2016"})]),

    ("a second membership coordinated after a relative clause ('... and that adopted ..., and is also member of')",
     "The University of Salamanca, one of the oldest universities of Spain, is a founding member of the Coimbra Group, "
     "network of European universities created in 1985 and that adopted the name of a city, and is also member of the "
     "Compostela Group of Universities.",
     [("University of Salamanca", "memberOf", "Compostela Group of Universities", {})], []),

    ("a postnominal honour between the name and the title",
     "Professor Jane Doe AO, Vice-Chancellor of the University of Tasmania, welcomed the decision.",
     [("Jane Doe", "headOf", "University of Tasmania", {"role": "vice-chancellor"})], []),
    ("title of the organisation, comma, 'the Hon' and the name",
     "The new Vice-Chancellor of the University of Canberra, the Hon Bill Shorten, started work in February.",
     [("Bill Shorten", "headOf", "University of Canberra", {"role": "vice-chancellor"})], []),
    ("'X, whose president is A'",
     "The Association of African Universities (AAU), whose president is Ernest Aryeetey, met in Accra.",
     [("Ernest Aryeetey", "headOf", "Association of African Universities", {"role": "president"})], []),
    ("Central European degrees between the title and the name",
     "Rector Prof. MUDr. Jan Hořejší of Charles University opened the meeting.",
     [("Jan Hořejší", "headOf", "Charles University", {"role": "rector"})], []),

    ("founders 'among them' after a counted phrase with its own modifiers",
     "The Adriatic Universities Network was founded in 2012 by eight universities with a long maritime tradition, "
     "among them the University of Split and the University of Zadar.",
     [("Adriatic Universities Network", "founder", "University of Split", {}),
      ("Adriatic Universities Network", "founder", "University of Zadar", {})], []),
    ("as many members listed as founders counted, one admitted later: no founders derived",
     "The Adriatic Universities Network was founded in 2012 by three universities. The University of Split and the "
     "University of Zadar are members, and the University of Rijeka was admitted in 2019.",
     [("University of Rijeka", "memberOf", "Adriatic Universities Network", {"since": "2019"})],
     [("Adriatic Universities Network", "founder", "University of Rijeka", {}),
      ("University of Rijeka", "memberOf", "Adriatic Universities Network", {"role": "founding"})]),

    ("a known ranking named in the heading of a list replaces the ranking spoken of",
     "Rankings snapshot\n\n- Western Sydney University topped the THE Impact Rankings 2024.\n"
     "- In the QS World University Rankings 2025, the members placed as follows:\n"
     "  - Griffith University – 243rd\n  - La Trobe University – 217th\n",
     [("Griffith University", "rankedIn", "QS World University Rankings", {"rank": "243"}),
      ("La Trobe University", "rankedIn", "QS World University Rankings", {"rank": "217"})],
     [("Griffith University", "rankedIn", "THE Impact Rankings", {})]),

    ("a table whose header names a ranking per column",
     "Both universities did well again this year.\n\n"
     "Institution\tQS World University Rankings 2025\tTHE World University Rankings 2025\n\n"
     "University of Zurich\t109\t80\n\nUniversity of Bern\t125\t101–125\n",
     [("University of Zurich", "rankedIn", "QS World University Rankings", {"rank": "109", "year": "2025"}),
      ("University of Zurich", "rankedIn", "Times Higher Education World University Rankings", {"rank": "80", "year": "2025"}),
      ("University of Bern", "rankedIn", "Times Higher Education World University Rankings", {"band": "101-125"})],
     []),

    ("a table with a head's title and a short form of the ranking spoken of as column headers",
     "Its members and their leaders are listed below with their places in the QS World University Rankings 2026:\n\n"
     "University\tVice-Chancellor\tQS 2026\n\n"
     "University of Waikato\tProfessor Neil Quigley\t235\n\n"
     "Auckland University of Technology (AUT)\tProfessor Damon Salesa\t410\n",
     [("Neil Quigley", "headOf", "University of Waikato", {"role": "vice-chancellor"}),
      ("Damon Salesa", "headOf", "Auckland University of Technology", {"role": "vice-chancellor"}),
      ("University of Waikato", "rankedIn", "QS World University Rankings", {"rank": "235", "year": "2026"}),
      ("Auckland University of Technology", "rankedIn", "QS World University Rankings", {"rank": "410", "year": "2026"})],
     [("Neil Quigley", "headOf", "Auckland University of Technology", {})]),

    ("founders listed after a colon, in a participle on a noun in apposition to the alliance",
     "Kyushu University belongs to RU11, the group of research universities set up in 2009 by eleven "
     "universities: Hokkaido, Tohoku, Tsukuba, Tokyo, Waseda, Keio, Nagoya, Kyoto, Osaka and Kyushu.",
     [("Research University 11", "founder", "Hokkaido University", {}),
      ("Research University 11", "founder", "Kyushu University", {}),
      ("Research University 11", "founded", "2009", {})], []),

    ("counted founders from named countries, then 'among them'",
     "AUGM was set up on 9 August 1991 by eight public universities of Argentina, Brazil, Paraguay and Uruguay, "
     "among them the University of Buenos Aires and the National University of Asunción.",
     [("Asociación de Universidades Grupo Montevideo", "founder", "University of Buenos Aires", {}),
      ("Asociación de Universidades Grupo Montevideo", "founder", "National University of Asunción", {})], []),

    ("a list of alliances under 'It is a member of:', lines going on with relative clauses",
     "Lund University was founded in 1666. It is a member of:\n\n"
     "the League of European Research Universities (LERU), which it joined in 2002;\n\n"
     "the Universitas 21 network, which links research universities on six continents;\n\n"
     "the European University Association.\n",
     [("Lund University", "memberOf", "League of European Research Universities", {}),
      ("Lund University", "memberOf", "Universitas 21", {}),
      ("Lund University", "memberOf", "European University Association", {})], []),

    ("a table under a heading that names the ranking, with plain column headers and editions",
     "Where the Dutch universities stand in the CWTS Leiden Ranking 2025:\n\n"
     "University\tWorld 2025\tWorld 2024\n\n"
     "Utrecht University\t45\t49\n\n"
     "Leiden University\t88\t91\n",
     [("Utrecht University", "rankedIn", "CWTS Leiden Ranking", {"rank": "45", "year": "2025"}),
      ("Utrecht University", "rankedIn", "CWTS Leiden Ranking", {"rank": "49", "year": "2024"}),
      ("Leiden University", "rankedIn", "CWTS Leiden Ranking", {"rank": "91", "year": "2024"})], []),

    ("a region named at the head of a sentence is its topic: the world ranks stated in it stay ranks",
     "The CWUR Global 2000 List 2025 is out. In Africa, the University of Cape Town leads at 263rd, "
     "ahead of Cairo University at 391st.",
     [("University of Cape Town", "rankedIn", "Center for World University Rankings", {"rank": "263"})], []),

    ("a head's title and organisation with its acronym in brackets, a comma, the name, then a second post",
     "The meeting was chaired by the Rector of the University of Tartu (UT), Toomas Asser, whose term as "
     "president of the Coimbra Group ends next year.",
     [("Toomas Asser", "headOf", "University of Tartu", {"role": "rector"}),
      ("Toomas Asser", "headOf", "Coimbra Group", {"role": "president"})], []),

    ("a possessive title, a comma, then abbreviated academic ranks before the name",
     "The ASEAN University Network (AUN) met in Hanoi. Its Executive Director, Assoc. Prof. Dr. Choltis "
     "Dhirathiti, opened the meeting.",
     [("Choltis Dhirathiti", "headOf", "ASEAN University Network", {"role": "executive director"})], []),

    ("a page's tag line names organisations but states no fact",
     "Lund University hosted the LERU rectors' assembly this week.\n\nTags: LERU, Utrecht University, KU Leuven\n",
     [], [("Utrecht University", "memberOf", "League of European Research Universities", {}),
          ("KU Leuven", "memberOf", "League of European Research Universities", {})]),

    ("a partner described by its members after a colon: they are its members, not partners",
     "LERU renewed its agreement with the U15 Group of Canadian Research Universities, the association of fifteen "
     "Canadian research universities: the University of Toronto, McGill University and the University of Alberta.",
     [("University of Toronto", "memberOf", "U15 Group of Canadian Research Universities", {}),
      ("McGill University", "memberOf", "U15 Group of Canadian Research Universities", {})],
     [("League of European Research Universities", "partnerOf", "University of Toronto", {}),
      ("League of European Research Universities", "partnerOf", "McGill University", {}),
      ("University of Toronto", "memberOf", "League of European Research Universities", {})]),

    ("a joint application listed among those selected makes no partners of the others listed",
     "Among the universities selected are Pusan National University, the University of Ulsan and Jeonbuk National "
     "University, as well as the joint application of Kangwon National University and Chungbuk National University.",
     [], [("Pusan National University", "partnerOf", "University of Ulsan", {}),
          ("University of Ulsan", "partnerOf", "Jeonbuk National University", {})]),

    ("places with thousands separators, 'respectively', in the ranking named in the sentence before",
     "The University of Belgrade is 301st in the CWUR World University Rankings 2025. Other Serbian universities "
     "such as the University of Novi Sad and the University of Niš were placed 1,076th and 1,412th respectively.",
     [("University of Novi Sad", "rankedIn", "Center for World University Rankings", {"rank": "1076"}),
      ("University of Niš", "rankedIn", "Center for World University Rankings", {"rank": "1412"})], []),

    ("a known university's short name that a longer name continues with 'of' is the longer name's",
     "Sharif University of Technology and Tehran University of Medical Sciences are 412th and 301st respectively "
     "in the ISC World University Rankings 2024.",
     [("Tehran University of Medical Sciences", "rankedIn", "ISC World University Rankings", {"rank": "301"})],
     [("University of Tehran", "rankedIn", "ISC World University Rankings", {})]),

    ("universities counted as the subject of keeping a programme's status, then listed after a colon",
     "The ministry has published the second review of the Flagship University Scheme. After the review, three "
     "Kenyan public universities retain the status of flagship university: the University of Nairobi, Moi University "
     "and Kenyatta University.",
     [("University of Nairobi", "participatesIn", "Flagship University Scheme", {}),
      ("Kenyatta University", "participatesIn", "Flagship University Scheme", {})], []),

    ("a programme's name in quotes after 'the programme', even when it reads like a university's",
     'The ministry launched the programme "University Top-500" in 2022. Together with Bukhara State University, '
     'the programme includes Urgench State University and Tashkent State Technical University.',
     [("Urgench State University", "participatesIn", "University Top-500", {})],
     [("Urgench State University", "partnerOf", "University Top-500", {})]),

    ("a table of a programme's awards, one host university a row, under a heading without participant words",
     "The Research Chairs Initiative has awarded twelve new chairs. They are distributed as follows:\n\n"
     "Host university\tNew chairs\n\nRhodes University\t2\n\nUniversity of Venda\t1\n",
     [("Rhodes University", "participatesIn", "Research Chairs Initiative", {}),
      ("University of Venda", "participatesIn", "Research Chairs Initiative", {})], []),

    ("an association with a Spanish name, founded by universities listed after a colon",
     "Our university is one of the founders of the Consorcio de Universidades, created in 1996 by three private "
     "universities of Lima: the Universidad de Lima, the Universidad del Pacífico and the Universidad Peruana "
     "Cayetano Heredia.",
     [("Universidad de Lima", "memberOf", "Consorcio de Universidades", {"role": "founding"}),
      ("Consorcio de Universidades", "founder", "Universidad del Pacífico", {})], []),

    ("a ranking's table with rank, university, country and score columns, under the ranking named before",
     "The first five places of the Round University Ranking 2024:\n\n"
     "Rank\tUniversity\tCountry\tScore\n\n4\tStanford University\tUSA\t97.316\n\n5\tUniversity of Oxford\tUK\t96.884\n",
     [("Stanford University", "rankedIn", "Round University Ranking", {"rank": "4"}),
      ("University of Oxford", "rankedIn", "Round University Ranking", {"rank": "5"})], []),

    ("a name the statistical model misses, before 'becomes President of'",
     "Günther Dissertori becomes President of ETH Zurich.",
     [("Günther Dissertori", "headOf", "ETH Zurich", {"role": "president"})], []),

    ("an alliance's name translated into English, with the acronym the gazetteer knows",
     "The Association of Universities Montevideo Group (AUGM) met in Asunción. Its members include the National "
     "University of Córdoba. The Montevideo Group will meet again in 2026.",
     [("National University of Córdoba", "memberOf", "Asociación de Universidades Grupo Montevideo", {})],
     [("National University of Córdoba", "memberOf", "Association of Universities Montevideo Group", {})]),

    ("a ranking spoken of by description after an alliance: its leaders are no members",
     "The table is compiled by the Zorland Association of Universities. As last year, the ranking is headed by "
     "Harvard University, followed by Stanford University and the University of Oxford.",
     [], [("Harvard University", "memberOf", "Zorland Association of Universities", {}),
          ("Stanford University", "memberOf", "Zorland Association of Universities", {})]),

    ("a programme spoken of by description after an alliance: its list is the programme's",
     "Tomsk State University is a member of the Zorland Association of Universities. In 2021 it was selected for "
     "the Priority 2030 programme. Together with it, the programme includes ITMO University and Novosibirsk State "
     "University.",
     [("ITMO University", "participatesIn", "Priority 2030", {})],
     [("ITMO University", "memberOf", "Zorland Association of Universities", {}),
      ("Novosibirsk State University", "memberOf", "Zorland Association of Universities", {})]),

    ("a centre's name before 'programme' is the programme's name, cue word included",
     "The foundation has decided to fund eight new centres in the 16th call of its Centre of Excellence programme. "
     "Aarhus University and Aalborg University were selected.",
     [("Aarhus University", "participatesIn", "Centre of Excellence programme", {})],
     [("Aarhus University", "participatesIn", "Centre of Excellence", {})]),
    ("a rectors' conference chaired by a rector: two posts, one for each title",
     "The Zorland Rectors' Conference, chaired by Anna Berg, Rector of Masaryk University, welcomed the results.",
     [("Anna Berg", "headOf", "Zorland Rectors' Conference", {"role": "chair"}),
      ("Anna Berg", "headOf", "Masaryk University", {"role": "rector"})], []),

    ("an alliance spoken of by description is chaired by a rector",
     "The Zorland Association of Universities (ZAU) was founded in 1990. The association is chaired by the Rector "
     "of Ghent University, Rik Van de Walle.",
     [("Rik Van de Walle", "headOf", "Zorland Association of Universities", {"role": "chair"}),
      ("Rik Van de Walle", "headOf", "Ghent University", {"role": "rector"})], []),
    ("a head appointed after the departure of the predecessor",
     "Professor Daya Reddy was appointed Vice-Chancellor of the University of Cape Town after the departure of "
     "Professor Mamokgethi Phakeng in 2023.",
     [("Daya Reddy", "headOf", "University of Cape Town", {"role": "vice-chancellor"}),
      ("Mamokgethi Phakeng", "headOf", "University of Cape Town", {"role": "vice-chancellor", "ended": "true"})], []),

    ("a head appointed after the predecessor left",
     "After Michael H. Schill left, Karl Scholz became President of the University of Oregon.",
     [("Michael H. Schill", "headOf", "University of Oregon", {"role": "president", "ended": "true"})], []),
    ("the university of an alliance officer is named as the officer's, not as a member",
     "The Zorland Network of Universities (ZNU) met in Tartu in May. The network's chair, Anna Berg, Rector of "
     "Masaryk University, opened the meeting.",
     [("Anna Berg", "headOf", "Masaryk University", {"role": "rector"})],
     [("Masaryk University", "memberOf", "Zorland Network of Universities", {})]),

    ("a merger's parts are not the members of the alliance spoken of before",
     "Aalto University is a member of the Zorland Network of Universities. Aalto University was established in "
     "2010, when three universities, the Helsinki University of Technology, the Helsinki School of Economics and "
     "the University of Art and Design Helsinki, merged.",
     [], [("Helsinki University of Technology", "memberOf", "Zorland Network of Universities", {}),
          ("Helsinki School of Economics", "memberOf", "Zorland Network of Universities", {})]),

    ("a related-news line names no members of the alliance spoken of",
     "Aalto University is a member of the Zorland Network of Universities.\n\nRelated: Kobe University and "
     "Kyoto University hold joint symposium\n\n- Tohoku University opens summer school",
     [], [("Kobe University", "memberOf", "Zorland Network of Universities", {}),
          ("Tohoku University", "memberOf", "Zorland Network of Universities", {})]),
    ("a founding member is a member since the founding, not by that alone a founder",
     "Heidelberg University is a founding member of the League of European Research Universities (LERU).",
     [("Heidelberg University", "memberOf", "League of European Research Universities", {"role": "founding"})],
     [("League of European Research Universities", "founder", "Heidelberg University", {})]),
    ("'Among its founding members were A, B and C': founding members, no founders",
     "The Danube Rectors' Conference (DRC) was founded in 1983 in Vienna. Among its founding members were the "
     "University of Vienna, the University of Belgrade and Eötvös Loránd University in Budapest.",
     [("University of Belgrade", "memberOf", "Danube Rectors' Conference", {"role": "founding"}),
      ("Eötvös Loránd University", "memberOf", "Danube Rectors' Conference", {"role": "founding"})],
     [("Danube Rectors' Conference", "founder", "University of Belgrade", {}),
      ("Danube Rectors' Conference", "founder", "University of Vienna", {})]),
    ("an acronym the text defines for a known name is that name's, not a country's ('DRC')",
     "The Danube Rectors' Conference (DRC) met in Novi Sad. The DRC was founded in 1983 in Vienna.",
     [("Danube Rectors' Conference", "founded", "1983", {})],
     [("Danube Rectors' Conference", "country", "CD", {})]),
    ("a name whose fields are listed after its head, cut at a comma, is spelt whole by its acronym",
     "The Université des Sciences, des Techniques et des Technologies de Bamako (USTTB) is a member of the Agence "
     "universitaire de la Francophonie. The speech was given by the Rector of the USTTB, Professor Aminata Traoré.",
     [("Université des Sciences, des Techniques et des Technologies de Bamako", "memberOf",
       "Agence universitaire de la Francophonie", {}),
      ("Aminata Traoré", "headOf", "Université des Sciences, des Techniques et des Technologies de Bamako",
       {"role": "rector"})], []),
    ("'took up the position of Vice-Chancellor of X (ACR)': the hyphenated title the parser splits",
     "Dr. Mele Kaufana formally took up the position of Vice-Chancellor of Tonga National University (TNU) on "
     "Tuesday 1 July 2025.",
     [("Mele Kaufana", "headOf", "Tonga National University", {"role": "vice-chancellor"})], []),
    ("'President of the College' in a text that names a college: that college",
     "Sir Arthur Lewis Community College names its new President\n\nThe Board of Governors announced the "
     "appointment of Dr. Anthea Charlemagne-Fontenelle as President of the College, with effect from September 1, "
     "2025.",
     [("Anthea Charlemagne-Fontenelle", "headOf", "Sir Arthur Lewis Community College", {"role": "president"})], []),
    ("'the program' is the last programme whose name says program, not a plan named after it",
     "Nine universities receive grants under the Higher Education Development Program (HEDP). The HEDP supports the "
     "National Higher Education Strategic Plan. Three universities join the program in this round: Bamyan "
     "University, Takhar University and Herat University.",
     [("Bamyan University", "participatesIn", "Higher Education Development Program", {}),
      ("Takhar University", "participatesIn", "Higher Education Development Program", {})],
     [("Takhar University", "participatesIn", "National Higher Education Strategic Plan", {}),
      ("Bauman Moscow State Technical University", "participatesIn", "Higher Education Development Program", {})]),
    ("a ranking named by a publisher of two words and what it ranks: 'the Jeune Afrique ranking of African business "
     "schools'",
     "Lagos Business School is ranked 2nd in the 2025 edition of the Jeune Afrique ranking of African business "
     "schools, published on Tuesday.",
     [("Lagos Business School", "rankedIn", "Jeune Afrique ranking of African business schools",
       {"rank": "2", "year": "2025"})], []),
    ("'the Institut Pasteur de Bangui' is an institute of its own, not the Paris institute the gazetteer knows",
     "The University of Bangui (UB) and the Institut Pasteur de Bangui (IPB) officially launched, on Monday 6 October "
     "2025, a joint professional master.",
     [("University of Bangui", "partnerOf", "Institut Pasteur de Bangui", {})],
     [("University of Bangui", "partnerOf", "Pasteur Institute", {})]),
    ("'the Université Cheikh Anta Diop de Dakar': the known university of that city",
     "The Université Cheikh Anta Diop de Dakar signed a cooperation agreement with the University of Lomé.",
     [("Cheikh Anta Diop University", "partnerOf", "University of Lomé", {})], []),
    ("'the protocol binds A to B': the parties of a protocol",
     "The second protocol binds the University of Lomé to the University of Porto.",
     [("University of Lomé", "partnerOf", "University of Porto", {})], []),
    ("'co-accredited by B': the publisher's partner",
     "University of Bangui news\n\nThe University of Bangui launched a joint master. It is co-accredited by the "
     "University of Bordeaux, France.",
     [("University of Bangui", "partnerOf", "University of Bordeaux", {})], []),
    ("'A and B sign a research convention': a convention that is an agreement",
     "University of Lomé news\n\nThe University of Lomé has had a research convention with the University of Porto "
     "since 2019.",
     [("University of Lomé", "partnerOf", "University of Porto", {})], []),
    ("'the Institute, founded in 1961': the institute named last, not the publishing university",
     "University of Bangui news\n\nThe University of Bangui and the Institut Pasteur de Bangui (IPB) launched a joint "
     "master. The Director of the IPB recalled that the Institute, founded in 1961, is a member of the Pasteur "
     "Network.",
     [("Institut Pasteur de Bangui", "founded", "1961", {}), ("Institut Pasteur de Bangui", "memberOf", "Pasteur Network", {})],
     [("University of Bangui", "founded", "1961", {}), ("University of Bangui", "memberOf", "Pasteur Network", {})]),
    ("'the institute' in lower case: the institute the text is about",
     "INSG climbs in the ranking\n\nThe Institut National des Sciences de Gestion (INSG) is based in Libreville. The "
     "institute also belongs to the Agence universitaire de la Francophonie (AUF).",
     [("Institut National des Sciences de Gestion", "memberOf", "Agence universitaire de la Francophonie", {})], []),
    ("persons' names with 'd'' and 'St.' inside",
     "The Ministry of Education and Higher Education funds the university. The Minister of Education and Higher "
     "Education, Dr. Isabel Viegas d'Abreu, attended. Mr. Keith St. Rose-Alcide, who served as President of Sir Arthur "
     "Lewis Community College from 2018, retires.",
     [("Isabel Viegas d'Abreu", "headOf", "Ministry of Education and Higher Education", {}),
      ("Keith St. Rose-Alcide", "headOf", "Sir Arthur Lewis Community College", {"role": "president"})], []),
    ("a country the copula or an apposition says an institution is one of: adjective, possessive, superlative, "
     "'of higher education in'",
     "Gamal Abdel Nasser University of Conakry was founded in 1962. It is today the oldest and the largest of the "
     "public universities of Guinea. Sir Arthur Lewis Community College (SALCC) is Saint Lucia's national community "
     "college. Åland University of Applied Sciences was established in 2003 and is the only institution of higher "
     "education in the Åland Islands. The Institute of Business Studies remains the only Gabonese institution in "
     "the top thirty.",
     [("Gamal Abdel Nasser University of Conakry", "country", "GN", {}),
      ("Sir Arthur Lewis Community College", "country", "LC", {}),
      ("Åland University of Applied Sciences", "country", "AX", {})], []),
    ("a country's name that ends a state's is no country: 'New Mexico', 'New Jersey'",
     "The University of New Mexico signed an agreement with Rutgers University in New Jersey.",
     [], [("University of New Mexico", "country", "MX", {}), ("Rutgers University", "country", "JE", {})]),
    ("a description of a partner names no country of the one it describes",
     "The ATN renewed its memorandum of understanding with the 4TU.Federation, the partnership of the four Dutch "
     "universities of technology: Delft University of Technology and the University of Twente.",
     [], [("Australian Technology Network", "country", "NL", {})]),
    ("countries after a dash in a list line, after a city and a region, after a bracketed acronym",
     "The admissions concern:\n\n- University of St. Martin (USM) – Sint Maarten – full member\n\nUdayana University "
     "in Denpasar, Bali, Indonesia, hosted the meeting. The termination concerns the College of Agriculture, "
     "Science and Education (CASE), Jamaica.",
     [("University of St. Martin", "country", "SX", {}), ("Udayana University", "country", "ID", {}),
      ("College of Agriculture, Science and Education", "country", "JM", {})], []),
    ("a table's country cell beside a name cell that carries its acronym",
     "The schools of the ranking:\n\nRank\tSchool\tCountry\n3\tInstitut Supérieur de Management (ISM)\tSenegal\n"
     "4\tStrathmore Business School\tKenya\n",
     [("Institut Supérieur de Management", "country", "SN", {}), ("Strathmore Business School", "country", "KE", {})], []),
    ("a ranking named an index, with 'University' inside its name",
     "Middle East Technical University took the first place in the Entrepreneurial and Innovative University Index "
     "2024, followed by Sabancı University in the second place.",
     [("Middle East Technical University", "rankedIn", "Entrepreneurial and Innovative University Index",
       {"rank": "1", "year": "2024"})], []),
    ("the universities that host what a programme funds take part in it: 'four will be hosted by A, two each by B "
     "and C'",
     "The Research Council selected twelve centres for the Nordic Frontier Centres Programme. Of the twelve new "
     "centres, four will be hosted by the University of Helsinki, two each by Aalto University and the University of "
     "Turku, and one each by Tampere University and the University of Oulu.",
     [("University of Helsinki", "participatesIn", "Nordic Frontier Centres Programme", {}),
      ("University of Turku", "participatesIn", "Nordic Frontier Centres Programme", {}),
      ("University of Oulu", "participatesIn", "Nordic Frontier Centres Programme", {})], []),
    ("'the new centres are located at A and B', 'the awarded projects belong to C and D'",
     "The agency announced the results of the Andes Science Initiative. The remaining new centres are located at the "
     "University of Chile and the University of Talca, as well as at the University of Concepción. With respect to "
     "the nuclei, the awarded projects belong to the University of Talca and the University of La Frontera.",
     [("University of Chile", "participatesIn", "Andes Science Initiative", {}),
      ("University of Concepción", "participatesIn", "Andes Science Initiative", {}),
      ("University of La Frontera", "participatesIn", "Andes Science Initiative", {})], []),
    ("an acronym in Turkish capitals before a title and honorifics: 'İTÜ Rector Prof. Dr. A'",
     "Istanbul Technical University (İTÜ) climbed to third place. İTÜ Rector Prof. Dr. Kadir Uzunoğlu said the "
     "result rewards the whole university.",
     [("Kadir Uzunoğlu", "headOf", "Istanbul Technical University", {"role": "rector"})], []),
    ("the Austrian professor's style between the title and the name: 'Rector Univ.-Prof. Dr. A'",
     "The University of Vienna is placed 130th. This is a success, says Rector Univ.-Prof. Dr. Johanna Pichler-Wendt.",
     [("Johanna Pichler-Wendt", "headOf", "University of Vienna", {"role": "rector"})], []),
    ("a bulleted numbered list of a ranking, with the previous edition in brackets; business schools without a head "
     "noun",
     "HEC Paris leads the Financial Times European Business School Rankings 2025.\n\nThe top 15\n\n- 1. HEC Paris, France "
     "(2024: 1)\n\n- 6. ESSEC Business School, France (2024: 5)\n\n- =9. Esade, Spain (2024: 12)\n\n- 11. IMD, "
     "Switzerland (2024: 11)\n",
     [("ESSEC Business School", "rankedIn", "Financial Times European Business School Rankings", {"rank": "6", "year": "2025"}),
      ("Esade", "rankedIn", "Financial Times European Business School Rankings", {"rank": "9"}),
      ("IMD Business School", "rankedIn", "Financial Times European Business School Rankings", {"rank": "11"})],
     [("ESSEC Business School", "rankedIn", "Financial Times European Business School Rankings", {"rank": "5"})]),
    ("a programme 'introduced by' a ministry: its founder and founding year",
     "The Nordic Talent Programme was introduced by the Ministry of Education and Research in 2017.",
     [("Nordic Talent Programme", "founder", "Ministry of Education and Research", {}),
      ("Nordic Talent Programme", "founded", "2017", {})], []),
    ("co-founders listed 'together with' with their countries in brackets",
     "Tilburg University is one of the founders of ENGAGE.EU, the alliance which it formed in 2020 together with the "
     "University of Mannheim (Germany), Ghent University (Belgium) and the University of Bergen (Norway).",
     [("ENGAGE.EU", "founder", "Ghent University", {}), ("ENGAGE.EU", "founder", "University of Bergen", {})], []),
    ("a university's centre works with partners: the university hosting it is their partner",
     "The energy centre at the University of Bergen will work closely with Uppsala University and with ETH Zurich. "
     "The centre for Arctic atmospheric change hosted by the University of Oulu will work closely with the Finnish "
     "Meteorological Institute.",
     [("University of Bergen", "partnerOf", "ETH Zurich", {}), ("University of Bergen", "partnerOf", "Uppsala University", {}),
      ("University of Oulu", "partnerOf", "Finnish Meteorological Institute", {})], []),
    ("'A is one of the (eight) universities that founded X': A founded it",
     "Leiden University is one of the universities that founded the Coastal Research Alliance in 2002. The University "
     "of Concepción was one of the eight universities that founded the Council of Rectors of Chilean Universities "
     "(CRUCH) in 1954.",
     [("Coastal Research Alliance", "founder", "Leiden University", {}),
      ("Council of Rectors of Chilean Universities", "founder", "University of Concepción", {})], []),
    ("'elected A, President of Y, as Chair of the association' and 'B continues as Secretary General of the "
     "association': the alliance's heads",
     "The Association of East Asian Research Universities (AEARU) met in Osaka. The General Meeting elected Professor "
     "Takeshi Nishimura, President of Tohoku University, as Chair of the association for the 2026–2027 term. Dr. Park "
     "Soo-min continues as Secretary General of the association.",
     [("Takeshi Nishimura", "headOf", "Association of East Asian Research Universities", {"role": "chair"}),
      ("Takeshi Nishimura", "headOf", "Tohoku University", {"role": "president"}),
      ("Park Soo-min", "headOf", "Association of East Asian Research Universities", {"role": "secretary general"})], []),
    ("a head's title and name in brackets after the organisation: 'Hiroshima University (President: OKADA Kenichiro)'",
     "The designation went to Hiroshima University (President: OKADA Kenichiro) in March.",
     [("OKADA Kenichiro", "headOf", "Hiroshima University", {"role": "president"})], []),
    ("bands given 'respectively' at the end: 'in the groups 201-250 and 301-350 respectively'",
     "The Medical University of Vienna and TU Wien follow in the groups 201-250 and 301-350 respectively in the THE "
     "World University Rankings 2026.",
     [("Medical University of Vienna", "rankedIn", "Times Higher Education World University Rankings", {"band": "201-250"}),
      ("TU Wien", "rankedIn", "Times Higher Education World University Rankings", {"band": "301-350"})], []),
    ("'A was followed by B and C (ACR), which took the second and the third place respectively'",
     "Middle East Technical University (METU) took the first place in the Entrepreneurial and Innovative University "
     "Index 2024. METU was followed by Sabancı University and İstanbul Technical University (İTÜ), which took the "
     "second and the third place respectively.",
     [("Middle East Technical University", "rankedIn", "Entrepreneurial and Innovative University Index", {"rank": "1"}),
      ("Sabancı University", "rankedIn", "Entrepreneurial and Innovative University Index", {"rank": "2"}),
      ("Istanbul Technical University", "rankedIn", "Entrepreneurial and Innovative University Index", {"rank": "3"})],
     [("Middle East Technical University", "rankedIn", "Entrepreneurial and Innovative University Index", {"rank": "2"})]),
    ("'the four founding universities of X, A, B, C and D': they founded it",
     "The four founding universities of the Coastal Research Alliance, Lund University, Aarhus University, the "
     "University of Bergen and the University of Turku, signed its charter in 2019.",
     [("Coastal Research Alliance", "founder", "Lund University", {}),
      ("University of Turku", "memberOf", "Coastal Research Alliance", {"role": "founding"})], []),
    ("a founding date in a description apposed to the name",
     "Grenoble Alpes University is a member of Udice, the association of French research-intensive universities "
     "founded in 2020. The University of Lorraine belongs to the University of the Greater Region (UniGR), a "
     "grouping created in 2008.",
     [("Udice", "founded", "2020", {}), ("University of the Greater Region", "founded", "2008", {})], []),

    ("a name that joins two places with 'and the'",
     "The University of Guadalajara is a member of the Network of Macro Universities of Latin America and the "
     "Caribbean, which was created in 2002.",
     [("Network of Macro Universities of Latin America and the Caribbean", "founded", "2002", {})], []),
    ("a list under a plain-text heading of a programme's selections",
     "The Glocal University 30 project was launched by the Ministry of Education in 2023. Ten universities were "
     "chosen this year.\n\nThe 10 selections of 2023\n\nKangwon National University\n\nPusan National "
     "University\n\nUniversity of Ulsan\n",
     [("Kangwon National University", "participatesIn", "Glocal University 30", {}),
      ("University of Ulsan", "participatesIn", "Glocal University 30", {})], []),
    ("list lines that open with 'Rank N:'",
     "The NIRF 2024 rankings were released. In the colleges category:\n\nRank 1: Hindu College\n\nRank 3: St. "
     "Stephen's College\n",
     [("Hindu College", "rankedIn", "National Institutional Ranking Framework", {"rank": "1"})], []),

    ("list lines that open with a tie '=N'",
     "The Good University Guide 2024 ranks Glasgow. The top of the table:\n\n=7 University College London\n\n=7 "
     "University of Bath\n\n9 University of Warwick\n",
     [("University of Bath", "rankedIn", "Good Universities Guide", {"rank": "7"})], []),
    ("a count in the description apposed to an association, after a country's possessive",
     "The ministry met Universities Austria (uniko), the association of Austria's 22 public universities, in May.",
     [("Universities Austria", "memberCount", "22", {})], []),
    ("a count an enlargement brings an alliance to",
     "The enlargement took the Russell Group from 20 to 24 members. In 2023 the additions brought the "
     "Association of American Universities to 71 members.",
     [("Russell Group", "memberCount", "24", {}), ("Association of American Universities", "memberCount", "71", {})],
     [("Russell Group", "memberCount", "20", {})]),
    ("a minister heads the ministry the portfolio names, the name after a comma",
     "The Ministry of Science, Innovation and Universities funds the scheme. The Minister of Science, "
     "Innovation and Universities, Dr. Marta Velasco, presented the results.",
     [("Marta Velasco", "headOf", "Ministry of Science, Innovation and Universities", {"role": "minister"})], []),
    ("a minister named right after the portfolio, and the name before the title",
     "The Ministry of Higher Education and Science of Zorland launched the call. Minister of Higher Education and "
     "Science Pavel Orlanov opened the session. Ilse Brandt, Federal Minister of Research, was not present.",
     [("Pavel Orlanov", "headOf", "Ministry of Higher Education and Science of Zorland", {"role": "minister"})],
     [("Ilse Brandt", "headOf", "Ministry of Higher Education and Science of Zorland", {})]),
    ("a vice minister heads no ministry",
     "The Ministry of Education of Zorland published the list. Vice Minister of Education Karl Dobrev praised it.",
     [], [("Karl Dobrev", "headOf", "Ministry of Education of Zorland", {})]),
    ("'the world ranking' after a regional one: the world ranking named before",
     "In the QS World University Rankings 2025 the University of Zorland took 150th place. In the regional ranking "
     "QS Emerging Europe and Central Asia University Rankings it was 8th. Among other universities in the world ranking, Kama State "
     "Technical University and Volga Polytechnic University are placed 308th and 434th respectively.",
     [("Kama State Technical University", "rankedIn", "QS World University Rankings", {"rank": "308"})],
     [("Kama State Technical University", "rankedIn", "QS Emerging Europe and Central Asia University Rankings", {})]),
    ("a table's sector headed by A, followed by B and C",
     "In the QS World University Rankings 2025, the sector of universities is headed by Harvard University, "
     "followed by Tsinghua University and Zhejiang University.",
     [("Harvard University", "rankedIn", "QS World University Rankings", {"rank": "1"}),
      ("Zhejiang University", "rankedIn", "QS World University Rankings", {"rank": "3"})], []),
    ("'It is followed by B and C' after the leader named in the sentence before",
     "The QS World University Rankings 2025 is headed by Harvard University. It is followed by Tsinghua University "
     "and Zhejiang University.",
     [("Tsinghua University", "rankedIn", "QS World University Rankings", {"rank": "2"}),
      ("Zhejiang University", "rankedIn", "QS World University Rankings", {"rank": "3"})], []),
    ("'A is followed by B, C and D' after A's rank in an earlier sentence",
     "In the QS World University Rankings 2025, Harvard University is ranked first. In the overall category, Harvard "
     "University is followed by Stanford University and Yale University.",
     [("Stanford University", "rankedIn", "QS World University Rankings", {"rank": "2"}),
      ("Yale University", "rankedIn", "QS World University Rankings", {"rank": "3"})], []),
    ("a programme found by its cue once is the programme wherever the text repeats its name",
     "The Zorland Impact project was launched by the World Bank in 2019. Other universities such as Kama State "
     "Technical University and Volga Polytechnic University also host Zorland Impact centres.",
     [("Kama State Technical University", "participatesIn", "Zorland Impact", {}),
      ("Volga Polytechnic University", "participatesIn", "Zorland Impact", {})], []),
    ("the termination of a university's membership",
     "The Worldwide Universities Network approved the termination of the membership of the University of Rochester.",
     [("University of Rochester", "memberOf", "Worldwide Universities Network", {"role": "former"})],
     [("University of Rochester", "memberOf", "Worldwide Universities Network", {"role": "member"})]),
    ("a university's membership of an alliance will end on a date",
     "The University of South Australia's membership of the Australian Technology Network of Universities will end "
     "on 31 December 2025.",
     [("University of South Australia", "memberOf", "Australian Technology Network", {"role": "former", "until": "2025-12-31"})],
     []),
    ("the memberships of two universities ended, the alliance named before",
     "Founded in 1996, the Worldwide Universities Network has 24 members. The memberships of the University of "
     "Rochester and Zhejiang University ended in 2021.",
     [("Zhejiang University", "memberOf", "Worldwide Universities Network", {"role": "former", "until": "2021"})], []),
    ("'the ranking' after a ranking only compared with is the ranking the text is about",
     "Kazan Federal University is 147th in the THE Emerging Economies University Rankings 2024. The table uses the "
     "same indicators as the THE World University Rankings. The ranking is led by Tsinghua University.",
     [("Tsinghua University", "rankedIn", "THE Emerging Economies University Rankings", {"rank": "1"})],
     [("Tsinghua University", "rankedIn", "Times Higher Education World University Rankings", {})]),
    ("bands stated 'respectively', joined by 'and'",
     "In the QS World University Rankings 2023, the University of Talca, the University of La Frontera and the "
     "University of Bio-Bio are placed in the 601-650, 801-1000 and 1001-1200 bands respectively.",
     [("University of La Frontera", "rankedIn", "QS World University Rankings", {"band": "801-1000"}),
      ("University of Bio-Bio", "rankedIn", "QS World University Rankings", {"band": "1001-1200"})], []),
    ("ordinal places joined by 'and', then the universities 'respectively'",
     "In the QS World University Rankings 2023, the second and the third places went to Stanford University and "
     "Harvard University respectively.",
     [("Stanford University", "rankedIn", "QS World University Rankings", {"rank": "2"}),
      ("Harvard University", "rankedIn", "QS World University Rankings", {"rank": "3"})], []),
    ("a ranking's name in quotes after its description",
     'Kishinev Polytechnic University took the first place in the rating of Moldovan higher education institutions '
     '"Prut Top-50 2024". Cahul State University is on the fourth place.',
     [("Kishinev Polytechnic University", "rankedIn", "Prut Top-50", {"rank": "1", "year": "2024"}),
      ("Cahul State University", "rankedIn", "Prut Top-50", {"rank": "4"})], []),
    ("the president of an alliance's board heads the alliance",
     "The President of the CIVIS Board of Rectors, Professor Ana Mendes, Rector of the University of Lisbon, "
     "opened the meeting.",
     [("Ana Mendes", "headOf", "CIVIS", {"role": "president"}),
      ("Ana Mendes", "headOf", "University of Lisbon", {"role": "rector"})], []),
    ("a numbered list under 'The selected institutions are:'",
     "Three institutions have been selected to join the Skills for Growth Project (SGP) under its Additional "
     "Financing. The selected institutions are:\n\n1. Mekong University of Management (MUM)\n\n2. Tonle Sap "
     "Polytechnic Institute (TSPI)\n\nThe four new institutions join the five others.",
     [("Mekong University of Management", "participatesIn", "Skills for Growth Project", {}),
      ("Tonle Sap Polytechnic Institute", "participatesIn", "Skills for Growth Project", {})], []),
    ("a programme named by its acronym and a capitalised cue, then 'supported by' and 'under' it",
     "Kandy University is one of the universities supported by the Accelerating Higher Education Expansion and "
     "Development (AHEAD) Operation. Other universities supported under AHEAD include Galle University and Jaffna "
     "Technical University.",
     [("Kandy University", "participatesIn", "Accelerating Higher Education Expansion and Development", {}),
      ("Galle University", "participatesIn", "Accelerating Higher Education Expansion and Development", {})], []),
    ("an alliance named by hyphen-joined words, founded by its members in an object relative clause",
     "Two projects involve the Leiden-Delft-Erasmus alliance (LDE), which Leiden University, TU Delft and Erasmus "
     "University Rotterdam founded in 2012.",
     [("Leiden-Delft-Erasmus", "founder", "Leiden University", {}), ("Leiden-Delft-Erasmus", "founded", "2012", {}),
      ("Erasmus University Rotterdam", "memberOf", "Leiden-Delft-Erasmus", {"role": "founding"})],
     [("Leiden University", "memberOf", "Erasmus", {})]),
    ("one alliance named in full, then with words left out",
     "The University of Sucre was incorporated as a member of the Network of Public Megauniversities of the Andes "
     "in May. The Network of Megauniversities was created in 2004 at the initiative of the University of Lima.",
     [("Network of Public Megauniversities of the Andes", "founder", "University of Lima", {}),
      ("Network of Public Megauniversities of the Andes", "founded", "2004", {})], []),
    ("a head named with a style of royalty after the title and organisation",
     "Nizwa University (NU) was founded in 2004. The Vice-Chancellor of NU, His Highness Dr. Salim bin Hamad Al Busaidi, "
     "welcomed the result.",
     [("Salim bin Hamad Al Busaidi", "headOf", "Nizwa University", {"role": "vice-chancellor"})],
     [("His Highness", "headOf", "Nizwa University", {})]),
    ("a head with the academic title 'Senior Professor'",
     "The Vice-Chancellor of the University of Kelaniya, Senior Professor Nilanthi de Silva, welcomed the result.",
     [("Nilanthi de Silva", "headOf", "University of Kelaniya", {"role": "vice-chancellor"})], []),
    ("a person who heads 'the University' the text is about",
     "Ivan Franko National University of Lviv was founded in 1661. Volodymyr Melnyk heads the University since 2019.",
     [("Volodymyr Melnyk", "headOf", "Ivan Franko National University of Lviv", {})], []),
    ("'The Guild' by its short name; a head elected with a title of another organisation in apposition",
     "The General Assembly elected Professor Lena Berg, Rector of Lund University, as President of The Guild for "
     "2026-2027. The Guild has 22 members.",
     [("Lena Berg", "headOf", "Guild of European Research-Intensive Universities", {"role": "president"}),
      ("Lena Berg", "headOf", "Lund University", {"role": "rector"}),
      ("Guild of European Research-Intensive Universities", "memberCount", "22", {})], []),
    ("'the other universities in the group are A and B' while a programme is spoken of",
     "Kasetsart University is one of three universities in the Area-Based group of the Reinventing University "
     "System programme. The other two Thai universities in the group are Khon Kaen University and Prince of "
     "Songkla University.",
     [("Khon Kaen University", "participatesIn", "Reinventing University System", {}),
      ("Prince of Songkla University", "participatesIn", "Reinventing University System", {})], []),
    ("a plural title listing heads each with 'of' and their organisation",
     "The meeting counted with the presence of the rectors Carlos Araya of the University of Chile, Ana Lopez of the "
     "University of Buenos Aires and Jorge Herrera of the University of São Paulo.",
     [("Carlos Araya", "headOf", "University of Chile", {"role": "rector"}),
      ("Ana Lopez", "headOf", "University of Buenos Aires", {"role": "rector"}),
      ("Jorge Herrera", "headOf", "University of São Paulo", {"role": "rector"})], []),
    ("a band before a related-news separator, whose end is no year",
     "Yerevan State University (YSU) signed a memorandum.\n\nRelated news: YSU in THE World University Rankings "
     "2024: 1201-1500 · YSU summer school opens",
     [("Yerevan State University", "rankedIn", "Times Higher Education World University Rankings", {"band": "1201-1500"})],
     [("Yerevan State University", "rankedIn", "Times Higher Education World University Rankings", {"year": "1500"})]),
    ("former members listed after 'Former members of X include'",
     "Former members of the Coimbra Group include the University of Bristol and the University of Oxford.",
     [("University of Bristol", "memberOf", "Coimbra Group", {"role": "former"})],
     [("University of Bristol", "memberOf", "Coimbra Group", {"role": "member"})]),
    ("a university that ceased to be a member",
     "Lund University ceased to be a member of LERU in 2012.",
     [("Lund University", "memberOf", "League of European Research Universities", {"role": "former"})], []),
    ("a university that is no longer a member",
     "The University of Toronto is no longer a member of Universitas 21.",
     [("University of Toronto", "memberOf", "Universitas 21", {"role": "former"})], []),
    ("a university that resigned from an alliance",
     "The University of Bristol resigned from the Coimbra Group in 2010.",
     [("University of Bristol", "memberOf", "Coimbra Group", {"role": "former", "until": "2010"})], []),
    ("a university that dropped out of an alliance, and one that dropped out but rejoined",
     "Imperial College London dropped out of the IDEA League in 2012. Last year Lancaster University briefly dropped "
     "out of the Association of Commonwealth Universities, but has since rejoined.",
     [("Imperial College London", "memberOf", "IDEA League", {"role": "former", "until": "2012"})],
     [("Lancaster University", "memberOf", "Association of Commonwealth Universities", {"role": "former"})]),
    ("two titles joined by 'and' before a head's name",
     "ATN Chair and Deakin University Vice-Chancellor, Professor Iain Martin, welcomed the decision. HKUST President "
     "Wei Shyy and NTU President Ho Teck Hua met in May.",
     [("Iain Martin", "headOf", "Australian Technology Network", {"role": "chair"}),
      ("Iain Martin", "headOf", "Deakin University", {"role": "vice-chancellor"})],
     [("Ho Teck Hua", "headOf", "Hong Kong University of Science and Technology", {})]),
    ("a ministry named for several portfolios joined by 'and'",
     "The Minister of Higher Education and Scientific Research, Dr Karim Haddad, opened the meeting. The Ministry of "
     "Higher Education and Scientific Research signed an agreement with the Agency for Accreditation and Quality "
     "Assurance.",
     [("Karim Haddad", "headOf", "Ministry of Higher Education and Scientific Research", {"role": "minister"}),
      ("Ministry of Higher Education and Scientific Research", "partnerOf", "Agency for Accreditation and Quality Assurance", {})],
     [("Karim Haddad", "headOf", "Ministry of Higher Education", {})]),
    ("companies named after what they do",
     "Kwame Nkrumah University of Science and Technology signed agreements with the mining company Gold Fields Ghana "
     "and with the operator Vodafone. The university also works with the logistics firm Maersk.",
     [("Kwame Nkrumah University of Science and Technology", "partnerOf", "Gold Fields Ghana", {}),
      ("Kwame Nkrumah University of Science and Technology", "partnerOf", "Vodafone", {})], []),
    ("a branch campus abroad is its own university",
     "Ashesi University signed a memorandum with Carnegie Mellon University Africa on joint research.",
     [("Ashesi University", "partnerOf", "Carnegie Mellon University Africa", {})],
     [("Ashesi University", "partnerOf", "Carnegie Mellon University", {})]),
    ("a partnership word inside a funder's name is no trigger",
     "Through a bilateral programme, financed by the Swedish International Development Cooperation Agency (Sida), "
     "Makerere University cooperates with the University of Bergen and the University of Oslo.",
     [("Makerere University", "partnerOf", "University of Bergen", {}),
      ("Makerere University", "partnerOf", "University of Oslo", {})], []),
    ("a related-news line: two names, then 'joint' a few words on",
     "The University of Ghana (UG) was founded in 1948. The University of Cape Coast (UCC) followed in 1962.\n\n"
     "Related news:\n- UG and UCC present results of joint malaria research",
     [("University of Ghana", "partnerOf", "University of Cape Coast", {})], []),
    ("a rectors' conference named for a country whose name has 'and'",
     "Prof. Dr. Zoran Marković took over the presidency of the Rectors' Conference of Bosnia and Herzegovina in "
     "October 2024.",
     [("Zoran Marković", "headOf", "Rectors' Conference of Bosnia and Herzegovina", {"role": "president"})], []),
    ("an association named for its members, a field and a region",
     "Egerton University is a member of the Regional Universities Forum for Capacity Building in Agriculture "
     "(RUFORUM). The University of Lomé is a member of the Network for Excellence in Higher Education in West Africa "
     "(REESAO).",
     [("Egerton University", "memberOf", "Regional Universities Forum for Capacity Building in Agriculture", {}),
      ("University of Lomé", "memberOf", "Network for Excellence in Higher Education in West Africa", {})], []),
    ("a description cut short at an adjective is no name",
     "ETH Zurich and EPFL are members of swissuniversities, the Rectors' Conference of the Swiss higher education "
     "institutions.",
     [], [("ETH Zurich", "memberOf", "Rectors' Conference of the Swiss", {})]),
    ("a programme named by its acronym in brackets, a hyphen inside, then the cue",
     "Ben-Gurion University of the Negev hosts one centre of the Israeli Centers of Research Excellence (I-CORE) "
     "programme.",
     [("Ben-Gurion University of the Negev", "participatesIn", "Israeli Centers of Research Excellence", {})], []),
    ("a state programme named only by owner and head noun, used again",
     "The State Programme for the development of higher education was adopted in 2020. Twelve universities took part "
     "in the Programme, among them Tashkent State University of Economics and the National University of Uzbekistan. "
     "A new State Programme for 2026–2030 is being drafted.",
     [("Tashkent State University of Economics", "participatesIn", "State Programme", {}),
      ("National University of Uzbekistan", "participatesIn", "State Programme", {})], []),
    ("a minister named in a university's news heads no university",
     "The University of Malawi opened a new library on Monday. Minister Madalitso Kambauwa Wirima praised the "
     "university for its work.",
     [], [("Madalitso Kambauwa Wirima", "headOf", "University of Malawi", {})]),
    ("Malay titles of honour before a head's name",
     "The Vice-Chancellor of Universiti Brunei Darussalam, Dato Seri Setia Dr Haji Hazri bin Haji Kifle, welcomed "
     "the delegation.",
     [("Hazri bin Haji Kifle", "headOf", "Universiti Brunei Darussalam", {"role": "vice-chancellor"})], []),
    ("the items of a related-news line are separate headlines",
     "Read also: Makerere University wins innovation award · Kyambogo University hosts the 2026 Global Summer "
     "Programme",
     [], [("Makerere University", "participatesIn", "Global Summer Programme", {})]),
    ("the head of a foundation named before as 'the Foundation'",
     "The Swiss National Science Foundation (SNSF) funds 40 new projects. The Director of the Foundation, Dr. Angelika "
     "Kalt, presented them in Bern.",
     [("Angelika Kalt", "headOf", "Swiss National Science Foundation", {})], []),
    ("a national association named 'Universities' and its country",
     "Universities Norway elected Professor Sunniva Whittaker, Rector of the University of Stavanger, "
     "as its chair. Russian Universities took part in the forum.",
     [("Sunniva Whittaker", "headOf", "Universities Norway", {"role": "chair"})], []),
    ("two universities that agree to expand their cooperation",
     "The National University of Laos and Khon Kaen University agreed to expand their cooperation in agriculture.",
     [("National University of Laos", "partnerOf", "Khon Kaen University", {})], []),
    ("an agreement signed by two universities' rectors",
     "The memorandum was signed by the rectors of the University of Skopje and the University of Zagreb.",
     [("University of Skopje", "partnerOf", "University of Zagreb", {})], []),
    ("an agreement 'between the two institutions' named before",
     "A delegation of the University of Havana visited the University of Granada to renew the framework agreement "
     "between the two institutions.",
     [("University of Havana", "partnerOf", "University of Granada", {})], []),
    ("a shared place in a ranking is no partnership",
     "The University of Oxford and the University of Cambridge were ranked joint 5th in the table.",
     [], [("University of Oxford", "partnerOf", "University of Cambridge", {})]),
    ("partners listed after 'Among its partners are'",
     "The University of Tirana was founded in 1957. Among its partners are Tsinghua University, the University of "
     "Tokyo and Seoul National University.",
     [("University of Tirana", "partnerOf", "Tsinghua University", {}),
      ("University of Tirana", "partnerOf", "Seoul National University", {})],
     [("Tsinghua University", "partnerOf", "Seoul National University", {})]),
    ("a list under 'The universities that participate in the Project are:'",
     "The Higher Skills for a Modern Economy (HSME) Project was launched by the Ministry of Education in 2021.\n\n"
     "The public universities that participate in the Project are:\n\n1. University of Zambia (UNZA)\n\n"
     "2. Copperbelt University (CBU)\n",
     [("University of Zambia", "participatesIn", "Higher Skills for a Modern Economy", {}),
      ("Copperbelt University", "participatesIn", "Higher Skills for a Modern Economy", {})], []),
    ("'Participating institutions are:' of a network's project names no programme's participants",
     "The Faculty Exchange Programme of the BRICS Network University starts in May.\n\n"
     "Participating institutions along with their fields are:\n\n- University of Delhi: energy\n",
     [], [("University of Delhi", "participatesIn", "Faculty Exchange Programme", {})]),
    ("'the Universities of A, B and C' with one place that is no known city",
     "Eleven Tunisian universities figure in the ranking: the Universities of Carthage, Sousse and Gabès are in "
     "the 1201–1500 band of the THE World University Rankings 2026.",
     [("University of Carthage", "rankedIn", "Times Higher Education World University Rankings", {"band": "1201-1500"}),
      ("University of Sousse", "rankedIn", "Times Higher Education World University Rankings", {"band": "1201-1500"})],
     [("University of Sussex", "rankedIn", "Times Higher Education World University Rankings", {})]),
    ("a head who 'has been rector since', naming no organisation, and the predecessor",
     "Rector Tor Smith of the University of Bergen welcomed the guests. Smith has been rector since 2021, when he "
     "took over from Anne Berg.",
     [("Anne Berg", "headOf", "University of Bergen", {"role": "rector", "ended": "true"})], []),
    ("a head who 'has led' an organisation 'as Rector'",
     "Professor Maria Costa has led the University of Porto as Rector since 2019.",
     [("Maria Costa", "headOf", "University of Porto", {"role": "rector"})], []),
    ("'B, with which A shares several laboratories'",
     "The Institute of Biotechnology, with which Tsinghua University shares several laboratories, is one of its main "
     "partners.",
     [("Institute of Biotechnology", "partnerOf", "Tsinghua University", {})], []),
    ("a count in 'the N member universities of X' and 'the N members of the X'",
     "Heads of the 27 member universities of Universitas 21 met in Lima. Rectors of the 24 members of the Coimbra "
     "Group met in Pavia. Four universities of the Guild won awards.",
     [("Universitas 21", "memberCount", "27", {}), ("Coimbra Group", "memberCount", "24", {})],
     [("Guild of European Research-Intensive Universities", "memberCount", "4", {})]),
    ("'grants were awarded to A and B' while a programme is spoken of",
     "The Zorland Skills Development Fund was launched in 2020. Grants were awarded to the University of Zambia and "
     "Copperbelt University.",
     [("University of Zambia", "participatesIn", "Zorland Skills Development Fund", {}),
      ("Copperbelt University", "participatesIn", "Zorland Skills Development Fund", {})], []),
    ("'A succeeded B as president of X'",
     "Prof. Nazir Obeidat succeeded Prof. Ali Hassan as president of the University of Jordan in 2023.",
     [("Nazir Obeidat", "headOf", "University of Jordan", {"role": "president"}),
      ("Ali Hassan", "headOf", "University of Jordan", {"role": "president", "ended": "true"})], []),
    ("'A will replace B as X's rector'",
     "Maria Costa will replace John Smith as the University of Porto's rector in May.",
     [("Maria Costa", "headOf", "University of Porto", {"role": "rector"}),
      ("John Smith", "headOf", "University of Porto", {"ended": "true"})], []),
    ("each head's organisation in brackets after the name",
     "President Li Wei (Tsinghua University) and Rector Maria Silva (University of Lisbon) signed the agreement.",
     [("Li Wei", "headOf", "Tsinghua University", {}), ("Maria Silva", "headOf", "University of Lisbon", {})],
     [("Maria Silva", "headOf", "Tsinghua University", {})]),
    ("a person in a name 'named after the first President of Russia B (ACR)' heads nothing",
     "Ural Federal University named after the first President of Russia B.N. Yeltsin (UrFU) has confirmed its status.",
     [], [("B.N. Yeltsin", "headOf", "Ural Federal University", {})]),
    ("a nationality before a name that says where it is names no country",
     "The American University of Central Asia offers double degrees. Gubkin Russian State University trains engineers.",
     [("Gubkin Russian State University", "country", "RU", {})],
     [("American University of Central Asia", "country", "US", {})]),
    ("'A and B have joined forces', 'A has teamed up with B' (and 'joined' an association is still membership)",
     "The University of Mauritius and Curtin University have joined forces to offer a master's degree. The University "
     "of Namibia has teamed up with Stellenbosch University on a new research centre. The University of Namibia joined "
     "the Association of African Universities in 2001.",
     [("University of Mauritius", "partnerOf", "Curtin University", {}),
      ("University of Namibia", "partnerOf", "Stellenbosch University", {}),
      ("University of Namibia", "memberOf", "Association of African Universities", {})], []),
    ("the band '1501+' is no edition year",
     "The University of Algiers entered the THE World University Rankings for the first time, in the 1501+ band.",
     [("University of Algiers", "rankedIn", "Times Higher Education World University Rankings", {"band": "1501+"})],
     [("University of Algiers", "rankedIn", "Times Higher Education World University Rankings", {"year": "1501"})]),
    ("'named after' a person with a lower-case style",
     "Zorland Technical University named after academician M. S. Osimi joined the Association of Asian Universities.",
     [("Zorland Technical University named after academician M. S. Osimi", "memberOf", "Association of Asian Universities",
       {})], []),
    ("a programme the model ends at its acronym's bracket, with the cue after the acronym",
     "Universitas Indonesia received funding from the World Bank's Higher Education for Technology and Innovation "
     "(HETI) project.",
     [("University of Indonesia", "participatesIn", "Higher Education for Technology and Innovation", {})], []),
    ("'the rectors of A and B, P and Q': each heads the organisation in the same place",
     "The rectors of Charles University and Masaryk University, Milena Králíčková and Martin Bareš, signed the agreement.",
     [("Milena Králíčková", "headOf", "Charles University", {"role": "rector"}),
      ("Martin Bareš", "headOf", "Masaryk University", {"role": "rector"})],
     [("Milena Králíčková", "headOf", "Masaryk University", {})]),
    ("a minister's portfolio with commas, the name right after it",
     "The Ministry of Education, Culture and Science funds the scheme. Minister of Education, Culture and Science "
     "Pieter de Vries handed over the awards.",
     [("Pieter de Vries", "headOf", "Ministry of Education, Culture and Science", {"role": "minister"})], []),
    ("'A, Deputy Prime Minister and Minister of X': another title before the minister's",
     "The Ministry of Education, Youth and Sport runs the project. The meeting was opened by Dr. Sok Vanna, "
     "Deputy Prime Minister and Minister of Education, Youth and Sport.",
     [("Sok Vanna", "headOf", "Ministry of Education, Youth and Sport", {"role": "minister"})], []),
    ("'Minister A' with no portfolio heads the one ministry the text names; a vice-minister heads none",
     "The Ministry of Science and Education approved the plan. The meeting was opened by Minister Rauf Aliyev. "
     "The vice-minister of Science, Lale Karimova, presented the budget.",
     [("Rauf Aliyev", "headOf", "Ministry of Science and Education", {"role": "minister"})],
     [("Lale Karimova", "headOf", "Ministry of Science and Education", {})]),
    ("'the Minister of X, Honourable A B, MP': an honorific between the portfolio and the name",
     "The Ministry of Education published the list. The Minister of Education, Honourable Chikondi Banda, MP, "
     "handed over the grants.",
     [("Chikondi Banda", "headOf", "Ministry of Education", {"role": "minister"})], []),
    ("a minister named in passing leaves 'is rector since' to the university",
     "The prizes were handed over by the minister of Higher Education, Science and Technology, Luis Peña, at the "
     "Ministry of Higher Education, Science and Technology. The rector of Santa Clara University, the maestra Ana "
     "Ruiz, thanked the jury. Ruiz is rector since 2021, when she succeeded Pedro Gil.",
     [("Luis Peña", "headOf", "Ministry of Higher Education, Science and Technology", {"role": "minister"})],
     [("Pedro Gil", "headOf", "Ministry of Higher Education, Science and Technology", {}),
      ("Ana Ruiz", "headOf", "Ministry of Higher Education, Science and Technology", {})]),
    ("a contact line after a membership states no membership of its own",
     "Tribhuvan University is a member of the Association of Universities of Asia and the Pacific (AUAP).\n\n"
     "Issued by: Information Office, Kathmandu University, Dhulikhel, Nepal | Tel.: 011-661399",
     [("Tribhuvan University", "memberOf", "Association of Universities of Asia and the Pacific", {})],
     [("Kathmandu University", "memberOf", "Association of Universities of Asia and the Pacific", {})]),
    ("'the Assembly decided to exclude A': the excluded leaves the network spoken of, not the Assembly",
     "The Pacific Rim University Network held its annual meeting in Lima. The Assembly decided to exclude the "
     "Riverside School of Tourism.",
     [("Riverside School of Tourism", "memberOf", "Pacific Rim University Network", {"role": "former"})], []),
    ("'pronounced the exclusion of A': a noun of leaving with the leaver after 'of'",
     "The Pacific Rim University Network held its annual meeting in Lima. It also pronounced the exclusion of "
     "Hillcrest University with effect from 30 June 2025.",
     [("Hillcrest University", "memberOf", "Pacific Rim University Network", {"role": "former", "until": "2025-06-30"})],
     []),
    ("'A lost its membership' ends it",
     "The Pacific Rim University Network held its annual meeting in Lima. In 2011 Hillcrest University lost its "
     "membership after a vote of the members.",
     [("Hillcrest University", "memberOf", "Pacific Rim University Network", {"role": "former", "until": "2011"})], []),
    ("a college named for a list of fields with commas ('of Arts, Science and Technology') is one name",
     "The Kivu College of Arts, Science and Technology (KCAST) signed the charter. KCAST was established in 2001.",
     [("Kivu College of Arts, Science and Technology", "founded", "2001", {})], []),
    ("Spanish academic styles before a head's name: 'Lic.', 'Ing.', 'Dra. C.'",
     "The rector of the University of Cuenca, Lic. Rosa Elena Vintimilla, opened the event. The rector of the "
     "University of Havana, Dra. C. Marta Pérez Lugo, signed the agreement.",
     [("Rosa Elena Vintimilla", "headOf", "University of Cuenca", {"role": "rector"}),
      ("Marta Pérez Lugo", "headOf", "University of Havana", {"role": "rector"})], []),
    ("departures with their years 'respectively'",
     "The Pacific Rim University Network held its annual meeting in Lima. Earlier departures include Westfield "
     "University and Northgate University, which left in 2013 and 2016 respectively.",
     [("Westfield University", "memberOf", "Pacific Rim University Network", {"role": "former", "until": "2013"}),
      ("Northgate University", "memberOf", "Pacific Rim University Network", {"role": "former", "until": "2016"})], []),
    ("an academy named for two fields joined by 'and' is one name ('of Music and Theatre')",
     "Prof. Kadri Tamm, Rector of the Tallinn Academy of Music and Theatre, opened the festival.",
     [("Kadri Tamm", "headOf", "Tallinn Academy of Music and Theatre", {"role": "rector"})], []),
    ("'has been chaired by' is still passive",
     "The Alliance of Nordic Universities has been chaired since 2024 by Anna Lind, Rector of the University of Oslo.",
     [("Anna Lind", "headOf", "Alliance of Nordic Universities", {"role": "chair"})], []),
    ("a hyphenated place with lower-case parts stays in the name ('Trás-os-Montes', 'Co-operative')",
     "The University of Trás-os-Montes signed an agreement with the Okapi College of Labour and Co-operative Studies.",
     [("University of Trás-os-Montes", "partnerOf", "Okapi College of Labour and Co-operative Studies", {})], []),
    ("'of Central America and Panama': two places inside one name",
     "The Institute of Nutrition of Central America and Panama signed an agreement with Hillcrest University.",
     [("Institute of Nutrition of Central America and Panama", "partnerOf", "Hillcrest University", {})], []),
    ("a generic name completed by its country after a comma ('University of Technology, Jamaica')",
     "Kingston Polytechnic signed an exchange agreement with the University of Technology, Jamaica in March.",
     [("Kingston Polytechnic", "partnerOf", "University of Technology, Jamaica", {})],
     [("Kingston Polytechnic", "partnerOf", "University of Technology", {})]),
    ("'was re-elected President of X' after the person's other title, whatever the parse of 're-elected'",
     "Professor Jan Novak, Rector of Hillcrest University, was re-elected President of the Pacific Rim Network.",
     [("Jan Novak", "headOf", "Pacific Rim Network", {"role": "president"}),
      ("Jan Novak", "headOf", "Hillcrest University", {"role": "rector"})], []),
    ("'was elected Vice-President of X' is no head",
     "Dr. Ana Lopez was elected Vice-President of the Pacific Rim Network.",
     [], [("Ana Lopez", "headOf", "Pacific Rim Network", {})]),
    ("'Its current President is A' and 'its president is the rector of Y B': the copula names the head",
     "The Pacific Rim Network was founded in 1995. Its current President is Professor Maria Santos. The Andean "
     "Rectors' Forum met in Quito. Its president is the rector of Hillcrest University Ivan Petrov.",
     [("Maria Santos", "headOf", "Pacific Rim Network", {"role": "president"}),
      ("Ivan Petrov", "headOf", "Andean Rectors' Forum", {"role": "president"})], []),
    ("'appointed A as the Vice-Chancellor of the University': the university the text is about",
     "The Council of Hillcrest University has appointed Professor Anna Berg as the Vice-Chancellor of the University "
     "for a term of five years.",
     [("Anna Berg", "headOf", "Hillcrest University", {"role": "vice-chancellor"})], []),
    ("an acronym never defined that spells the capitals of a name the text gives in full ('BSU')",
     "Belarusian State University improved its result this year. BSU also cooperates with Nazarbayev University.",
     [("Belarusian State University", "partnerOf", "Nazarbayev University", {})], []),
    ("'decided to end its participation' in an alliance ends the membership",
     "The Pacific Rim University Network met in Lima. Hillcrest University decided to end its participation at the "
     "close of 2025.",
     [("Hillcrest University", "memberOf", "Pacific Rim University Network", {"role": "former"})], []),
    ("a list item's country after 'for' is not part of the name ('University of Antsiranana for Madagascar')",
     "The Indian Ocean University Network has eleven members: the University of Toliara and the University of "
     "Antsiranana for Madagascar, and the University of Mauritius for Mauritius.",
     [("University of Antsiranana", "memberOf", "Indian Ocean University Network", {})],
     [("Indian Ocean University Network", "country", "IN", {})]),  # "Indian Ocean": a sea's name, no nationality
    ("'X was created in 1989; its president is A': 'its' is the clause's subject, not the text's topic",
     "Hillcrest University is a member of the Pacific Rim University Network. The Eurasian Association of "
     "Universities was created in 1989; its president is the rector of Lomonosov Moscow State University Viktor "
     "Sadovnichy.",
     [("Viktor Sadovnichy", "headOf", "Eurasian Association of Universities", {"role": "president"})],
     [("Viktor Sadovnichy", "headOf", "Hillcrest University", {})]),
    ("'the Chairperson of Council, Mr A': the chair of the body of the organisation the text is about",
     "Hillcrest University appointed a new Vice-Chancellor. The ceremony was chaired by the Chairperson of Council, "
     "Mr Themba Mamba.",
     [("Themba Mamba", "headOf", "Hillcrest University", {})], []),
    ("'The host rector, Professor A' heads the host university, not the publishing network",
     "The Pacific Rim University Network met at Hillcrest University. The host rector, Professor Aleko Kalandia, "
     "welcomed the delegates.",
     [("Aleko Kalandia", "headOf", "Hillcrest University", {"role": "rector"})],
     [("Aleko Kalandia", "headOf", "Pacific Rim University Network", {})]),
    ("a name after an honorific the model took for a work of art is a person ('Dasho A B')",
     "His Majesty The King has appointed Dasho Karma Tshering as the new Vice Chancellor of the Royal University of "
     "Bhutan (RUB). He succeeds Dasho Nidup Dorji, who served as Vice Chancellor from 2012 to 2024.",
     [("Karma Tshering", "headOf", "Royal University of Bhutan", {})], []),
    ("rows with dot leaders under a heading of funded institutions take part (the leader is no full stop)",
     "National Research Fund announces 2025 grants\n\nThe National Research Fund of Ruritania announced the results of "
     "its 2025 call on Monday.\n\nInstitutions with funded projects (number of projects):\n\nHillcrest University (HU) "
     ".......... 6\nNorthgate University (NU) ................ 4\nWestfield Institute of Technology (WIT) ... 2\n\n"
     "Proposals from Eastbrook University were evaluated but did not obtain funding.\n",
     [("Northgate University", "participatesIn", "National Research Fund", {}),
      ("Westfield Institute of Technology", "participatesIn", "National Research Fund", {})],
     [("Eastbrook University", "participatesIn", "National Research Fund", {})]),
    ("a brand written 'uniRank' opens a ranking's name",
     "The University of Tripoli came in the 1843rd place worldwide in the uniRank University Ranking for 2025.",
     [("University of Tripoli", "rankedIn", "uniRank University Ranking", {"rank": "1843"})], []),
    ("a country after a list item's name, its acronym or a bracket, at the end of the line ('Türkiye' too)",
     "New members were admitted:\n- Klaipėda University, Lithuania\n- Federal University of Pará (UFPA), Brazil\n"
     "- Karadeniz Technical University (Türkiye)\n",
     [("Klaipėda University", "country", "LT", {}), ("Federal University of Pará", "country", "BR", {}),
      ("Karadeniz Technical University", "country", "TR", {})], []),
    ("'the public universities of Malawi that take part are: A', 'Greek universities, among them A'",
     "The public universities of Malawi that take part in the Project are: Mzuzu University and Hillcrest "
     "University. Several Greek universities, among them the Ionian University, joined.",
     [("Mzuzu University", "country", "MW", {}), ("Hillcrest University", "country", "MW", {}),
      ("Ionian University", "country", "GR", {})], []),
    ("the country of an organisation's seat: 'its headquarters are in Accra, Ghana', 'which has its seat in'",
     "The Association of African Universities was established in 1967; its headquarters are in Accra, Ghana. "
     "Hillcrest University joined the Amazon University Association, which has its seat in Belém, Brazil. "
     "The Pacific Rim University Network met in Lima. The network's office is in Brussels, Belgium.",
     [("Association of African Universities", "country", "GH", {}),
      ("Amazon University Association", "country", "BR", {}),
      ("Pacific Rim University Network", "country", "BE", {})],
     [("Hillcrest University", "country", "BR", {})]),
    ("'A, the first university of Albania', 'A is the oldest university in North Macedonia': A's country",
     "The University of Tirana, the first university of Albania, elected a new rector. Hillcrest University is the "
     "oldest and largest university in North Macedonia.",
     [("University of Tirana", "country", "AL", {}), ("Hillcrest University", "country", "MK", {})], []),
    ("a country after a comma and before a lower-case word, a bracketed country of several words, and a "
     "bracketed acronym that is the country ('(USA)')",
     "The agreement joins Niigata University, Japan to collaborate, Yeungnam University (Republic of Korea), "
     "Chulalongkorn University (Thailand), North Carolina State University (USA), the University of Adelaide and "
     "others. It was announced at the Pan-African Education Summit in Senegal last week.",
     [("Niigata University", "country", "JP", {}), ("Yeungnam University", "country", "KR", {}),
      ("Chulalongkorn University", "country", "TH", {}), ("North Carolina State University", "country", "US", {})],
     [("Pan-African Education Summit", "country", "SN", {})]),
    ("taking part in Erasmus+ or Horizon Europe is no programme status",
     "The Pacific Rim University Network is funded by the Erasmus+ programme. Hillcrest University and Northgate "
     "University were selected for funding under Horizon Europe.",
     [], [("Hillcrest University", "participatesIn", "Horizon Europe", {}),
          ("Northgate University", "participatesIn", "Horizon Europe", {}),
          ("Hillcrest University", "participatesIn", "Erasmus+", {})]),
    ("'assumed on 13 November the presidency of X' (the post parsed as the date's apposition)",
     "The Rector of Hillcrest University, Héctor Cancela, assumed on 13 November the presidency of the Pacific Rim "
     "University Network for the period 2025-2026.",
     [("Héctor Cancela", "headOf", "Pacific Rim University Network", {"role": "president"})], []),
    ("'On 1 January A, Rector of Y, took over as Chair of X' (A parsed inside the date's phrase)",
     "On 1 January 2026 Professor Henrik Wegener, Rector of the University of Copenhagen, took over as Chair of the "
     "Pacific Rim University Network.",
     [("Henrik Wegener", "headOf", "Pacific Rim University Network", {"role": "chair"})], []),
    ("a name, its name in another language and its acronym in one bracket",
     "The Kandor Institute of Water Studies (Institut Kandorien des Études de l'Eau, KIWS) became a full member of "
     "the Pacific Rim University Network. The Director General of KIWS, Prof. Amadou Diallo, welcomed the decision.",
     [("Kandor Institute of Water Studies", "memberOf", "Pacific Rim University Network", {}),
      ("Amadou Diallo", "headOf", "Kandor Institute of Water Studies", {})],
     [("Institut Kandorien des Études de l'Eau", "memberOf", "Pacific Rim University Network", {})]),
    ("an acronym written in lower case that spells the name's initials",
     "Dr Ana Belo, Director General of ncphse, opened the session. The Northern Centre of Plant Health and Soil "
     "Ecology (ncphse) was founded in 1981.",
     [("Ana Belo", "headOf", "Northern Centre of Plant Health and Soil Ecology", {"role": "director general"})], []),
    ("'Univ.' in a related-news line, and a short name before 'and'",
     "Memorial University of Newfoundland climbs in national ranking\n\nMemorial University of Newfoundland rose to "
     "fifth place this year.\n\nRelated stories\n- Memorial and Univ. of Aberdeen renew ocean sciences partnership",
     [("Memorial University of Newfoundland", "partnerOf", "University of Aberdeen", {})], []),
    ("a related-news line on a dual degree",
     "Hillcrest University news\n\nHillcrest University opened a new library.\n\nRelated\n- Hillcrest University "
     "and Northgate University launch dual master's degree in water resources",
     [("Hillcrest University", "partnerOf", "Northgate University", {})], []),
    ("a programme named for the chairs it funds, and hosts listed by country after the sentence that selects them",
     "Kandor Research Agency | News\n\nKandor Research Chairs, launched by the Kandor Research Agency in 2014, fund "
     "outstanding researchers. The agency has selected eleven new host institutions. They are located in four "
     "countries:\n\nCzechia - Masaryk University; Institute of Physics of the Czech Academy of Sciences\n"
     "Estonia - University of Tartu\n",
     [("Kandor Research Chairs", "founded", "2014", {}),
      ("Masaryk University", "participatesIn", "Kandor Research Chairs", {}),
      ("Institute of Physics of the Czech Academy of Sciences", "participatesIn", "Kandor Research Chairs", {}),
      ("University of Tartu", "participatesIn", "Kandor Research Chairs", {})], []),
    ("a numbered list whose items describe a field with a participle",
     "Kandor Scholarship Fund news\n\nThe Kandor Scholarship Fund has selected three new host universities. From "
     "2026 they will enrol its doctoral scholars in these areas:\n\n1. University of Lomé, Togo - applied "
     "mathematics\n2. Bahir Dar University, Ethiopia - energy, including renewables\n",
     [("University of Lomé", "participatesIn", "Kandor Scholarship Fund", {}),
      ("Bahir Dar University", "participatesIn", "Kandor Scholarship Fund", {})], []),
    ("a member list line that states its own role",
     "The Pacific Rim University Network was established in 2019 by two universities. Its members are:\n\n"
     "- Vrije Universiteit Brussel (Belgium) – founding member\n- University of Gothenburg (Sweden) – founding member\n"
     "- Babeș-Bolyai University (Romania) – member since 2022\n",
     [("Vrije Universiteit Brussel", "memberOf", "Pacific Rim University Network", {"role": "founding"}),
      ("University of Gothenburg", "memberOf", "Pacific Rim University Network", {"role": "founding"})],
     [("Babeș-Bolyai University", "memberOf", "Pacific Rim University Network", {"role": "founding"})]),
    ("'The university' opening a sentence is the university the headline is about",
     "Njala University admitted to the Pacific Rim University Network\n\nNjala University was founded in 1964. It "
     "was a constituent college of the University of Sierra Leone until 2005.\n\nThe university is also a member of "
     "the Association of Commonwealth Universities.",
     [("Njala University", "memberOf", "Association of Commonwealth Universities", {})],
     [("University of Sierra Leone", "memberOf", "Association of Commonwealth Universities", {})]),
    ("a city's possessive before its university is no short name",
     "Istanbul's famed Boğaziçi University was the only Turkish university in the top 200 of the U.S. News Best "
     "Global Universities. The university rose to 186th place.",
     [("Boğaziçi University", "rankedIn", "U.S. News Best Global Universities", {"rank": "186"})],
     [("Istanbul University", "rankedIn", "U.S. News Best Global Universities", {})]),
    ("a quotation's attribution line 'A, Title, Organisation' (a given name that is a country's)",
     "Kandor Research Agency announces new chairs\n\n\"Long-term funding is what lets universities compete.\"\n"
     "– Chad Gaffield, Chief Executive Officer, U15 Group of Canadian Research Universities\n",
     [("Chad Gaffield", "headOf", "U15 Group of Canadian Research Universities", {"role": "chief executive officer"})],
     []),
    ("'says A, president and vice-chancellor' in a sentence naming the university twice",
     "Hillcrest University rises in the national ranking\n\n\"Students choose Hillcrest University for its teaching "
     "and the value of a Hillcrest University degree,\" says Dr. Janet Morrison, president and vice-chancellor.",
     [("Janet Morrison", "headOf", "Hillcrest University", {"role": "president"})], []),
    ("an undefined acronym of a name the text gives with its country after a comma",
     "Nanyang Technological University, Singapore (NTU Singapore) has climbed in the Nature Index. NTU is also a "
     "member of the Association of Commonwealth Universities and of the Association of Southeast Asian Institutions "
     "of Higher Learning.",
     [("Nanyang Technological University", "memberOf", "Association of Commonwealth Universities", {}),
      ("Nanyang Technological University", "memberOf", "Association of Southeast Asian Institutions of Higher Learning",
       {})], []),
    ("a 'University' listed with alliances one is a member of is a network",
     "Belarusian State University rose in the QS ranking. It is a member of the Eurasian Association of Universities "
     "and of the Network University of the CIS.",
     [("Belarusian State University", "memberOf", "Network University of the CIS", {})], []),
    ("a staff member of a university is no membership of the alliance spoken of",
     "The Eurasian Association of Universities met in Minsk. Anna Petrova, a staff member of the University of Oslo, "
     "spoke about mobility.",
     [], [("University of Oslo", "memberOf", "Eurasian Association of Universities", {})]),
    ("'A is first in the ranking, followed by B and C' (an ordinal after a copula), not 'was first established'",
     "The University of Toronto is first in the QS World University Rankings 2025, followed by the University of "
     "British Columbia and McGill University. Sofia University was first established in 1888 and is ranked 801st in "
     "the QS World University Rankings 2025.",
     [("University of Toronto", "rankedIn", "QS World University Rankings", {"rank": "1", "year": "2025"}),
      ("McGill University", "rankedIn", "QS World University Rankings", {"rank": "3"})],
     [("Sofia University", "rankedIn", "QS World University Rankings", {"rank": "1"})]),
    ("the president of a university's board heads the university",
     "Jouke de Vries, President of the Board of the University of Groningen, opened the meeting. Professor Ana Costa "
     "is the Chairman of the Board of Trustees of Istanbul Aydın University.",
     [("Jouke de Vries", "headOf", "University of Groningen", {}), ("Ana Costa", "headOf", "Istanbul Aydın University", {})],
     []),
    ("'The President of the Board of Administration of 2iE, Mr. A' (an acronym that opens with a digit)",
     "The President of the Board of Administration of 2iE, Mr. Issa Sanou, addressed the students. The International "
     "Institute for Water and Environmental Engineering (2iE) is in Ouagadougou.",
     [("Issa Sanou", "headOf", "International Institute for Water and Environmental Engineering", {})], []),
    ("a board named after its organisation's acronym is that organisation's ('the IBH Board is chaired by')",
     "The International Lake Constance University (IBH) is a network of universities. The IBH Board is now chaired "
     "by the Rector of the University of Liechtenstein, Prof. Dr. Andrea Kaiser.",
     [("Andrea Kaiser", "headOf", "International Lake Constance University", {"role": "chair"})],
     [("Andrea Kaiser", "headOf", "IBH Board", {})]),
    ("a fronted 'Founded in 1925 as Y, an apposition, X ...': X's founding, Y its earlier name",
     "Memorial University of Newfoundland climbs\n\n## About Memorial\n\nFounded in 1925 as Memorial University "
     "College, a living memorial to those who lost their lives in the First World War, Memorial became a "
     "degree-granting university in 1949.",
     [("Memorial University of Newfoundland", "founded", "1925", {})], [("Memorial University College", "founded", "1925", {})]),
    ("a fronted 'Created in 1970 under the name of Y, X is ...' that the parser makes the clause's subject",
     "About the University of Abomey-Calavi\n\nCreated in 1970 under the name of University of Dahomey, the University "
     "of Abomey-Calavi is the oldest university of the country.",
     [("University of Abomey-Calavi", "founded", "1970", {})], []),
    ("'the Rectors' Conference' for the one name of the text that opens so",
     "The Rectors' Conference of Bosnia and Herzegovina met in Sarajevo. The Rectors' Conference was established in "
     "2007 in accordance with the Framework Law.",
     [("Rectors' Conference of Bosnia and Herzegovina", "founded", "2007", {})], []),
    ("a country after a city: 'A in Rovaniemi, Finland'; 'A from Malaysia and B from Viet Nam'",
     "The secretariat is hosted by the University of Lapland in Rovaniemi, Finland. The meeting admitted Universiti "
     "Teknologi PETRONAS (UTP) from Malaysia and Thai Nguyen University of Technology (TNUT) from Viet Nam.",
     [("University of Lapland", "country", "FI", {}), ("Universiti Teknologi PETRONAS", "country", "MY", {}),
      ("Thai Nguyen University of Technology", "country", "VN", {})], []),
    ("a line that opens with a country and a dash lists that country's institutions",
     "The selected hosts are located in two countries:\n\nCroatia - University of Split\n"
     "Poland - Jagiellonian University; AGH University of Krakow\n",
     [("University of Split", "country", "HR", {}), ("Jagiellonian University", "country", "PL", {}),
      ("AGH University of Krakow", "country", "PL", {})], []),
    ("a name ending with a country and the same name with the country's abbreviation are one organisation",
     "The Rectors' Conference of Bosnia and Herzegovina met in Sarajevo. The Rector of the University of Banja Luka, "
     "Prof. Dr. Radoslav Gajanin, took over the presidency of the Rectors' Conference of BiH.",
     [("Radoslav Gajanin", "headOf", "Rectors' Conference of Bosnia and Herzegovina", {})],
     [("Radoslav Gajanin", "headOf", "Rectors' Conference of BiH", {})]),
    ("a network named only by an acronym it never spells out, typed by what is said around it",
     "Rectors met for the VALDORIA General Assembly in Turku. The University of Vaasa will leave VALDORIA at the end "
     "of 2025. VALDORIA was founded in 1994.",
     [("University of Vaasa", "memberOf", "VALDORIA", {}), ("VALDORIA", "founded", "1994", {})], []),
    ("'X of A and of B': the second complement goes on with the name",
     "The Association of Rectors of the Universities of Oceania and of the Coral Sea admitted the University of "
     "Papua New Guinea in 2024.",
     [("University of Papua New Guinea", "memberOf", "Association of Rectors of the Universities of Oceania and of "
       "the Coral Sea", {})], []),
    ("'the Board of the Programme (ACR)': the acronym spells the programme, the body is the board's",
     "The Joint Committee of Ministers of the Nordic Mobility Scheme for Engineering (NMSE) met in Oslo. NMSE was "
     "launched in 2004.",
     [("Nordic Mobility Scheme for Engineering", "founded", "2004", {})],
     [("Joint Committee of Ministers of the Nordic Mobility Scheme for Engineering", "founded", "2004", {})]),
    ("styles before a name: 'Prof. Doctor A', 'Rev. Dr. B', 'Prof. dr. C'",
     "The Rector of the University of Porto, Prof. Doctor Ana Lemos, opened the day. The President of Cuttington "
     "University, Rev. Dr. Paul Dorr, spoke next. The Rector of Ghent University, Prof. dr. Els Maes, closed it.",
     [("Ana Lemos", "headOf", "University of Porto", {}), ("Paul Dorr", "headOf", "Cuttington University", {}),
      ("Els Maes", "headOf", "Ghent University", {})], []),
    ("a hyphenated acronym in brackets names the university wherever it is used",
     "The University of Cape Verde (Uni-CV) signed today. The Uni-CV is a member of the Association of African "
     "Universities.",
     [("University of Cape Verde", "memberOf", "Association of African Universities", {})], []),
    ("'a member of A since 2007 and of B': the second 'of' parsed under 'since'",
     "The University of Aveiro is member of the Coimbra Group since 2007 and of the Association of African "
     "Universities.",
     [("University of Aveiro", "memberOf", "Coimbra Group", {}),
      ("University of Aveiro", "memberOf", "Association of African Universities", {})], []),
    ("a participle's clause after a person is no apposition of a title",
     "The ceremony was attended by the Minister of Education, Dr. Jarso Kollie, representing the President of the "
     "Republic, and by the Executive Director of the National Commission on Higher Education (NCHE), Prof. Edwin Doe.",
     [("Edwin Doe", "headOf", "National Commission on Higher Education", {})],
     [("Jarso Kollie", "headOf", "National Commission on Higher Education", {})]),
    ("'the consortium' of one paragraph is not an association named only in a later one",
     "The consortium is coordinated by the University of Aveiro and integrates the University of the Azores.\n\n"
     "The University of Aveiro is a member of the Association of Universities of Portuguese Language.",
     [], [("University of the Azores", "memberOf", "Association of Universities of Portuguese Language", {})]),
    ("a ranking's regional table after a colon is a ranking of its own",
     "Malaysian universities lead the Meridian Private University Ranking: ASEAN 2025. Sunway University was placed "
     "4th in the Meridian Private University Ranking: ASEAN.",
     [("Sunway University", "rankedIn", "Meridian Private University Ranking: ASEAN", {"rank": "4"})],
     [("Sunway University", "rankedIn", "Meridian Private University Ranking", {})]),
    ("ordinal words listed before 'respectively'",
     "Sunway University and UCSI University are ranked second and third respectively in the QS Asia University "
     "Rankings 2025.",
     [("Sunway University", "rankedIn", "QS Asia University Rankings", {"rank": "2"}),
      ("UCSI University", "rankedIn", "QS Asia University Rankings", {"rank": "3"})], []),
    ("'The university, founded in 1969 as Y, ...': Y is a former name of what 'the university' stands for",
     "Professor Pradeep Nair is Vice-Chancellor of Taylor's University. The university, founded in 1969 as "
     "Taylor's College, has since 2023 been a member of the Association of Southeast Asian Institutions of Higher "
     "Learning.",
     [("Taylor's University", "memberOf", "Association of Southeast Asian Institutions of Higher Learning", {}),
      ("Taylor's University", "founded", "1969", {})],
     [("Taylor's College", "memberOf", "Association of Southeast Asian Institutions of Higher Learning", {})]),
    ("'the appointment of A as the institution's President' announced by the university's board",
     "The Board of Trustees of Cuttington University announced today the appointment of Dr. Paul Dorr as the "
     "institution's fifth President.",
     [("Paul Dorr", "headOf", "Cuttington University", {"role": "president"})], []),
    ("a headline's 'University of X Board of Trustees' is the university's board, not a university of its own",
     "University of The Bahamas Board of Trustees names a new President\n\nThe Board of Trustees of the University "
     "of The Bahamas met on Tuesday. The new president will inherit a memorandum of understanding with Florida "
     "International University.",
     [("University of The Bahamas", "partnerOf", "Florida International University", {})],
     [("University of The Bahamas Board of Trustees", "partnerOf", "Florida International University", {})]),
    ("'A and UTech': a name and a short name with two capitals are two organisations",
     "Related stories\n- Univ. of The Bahamas and UTech, Jamaica to offer joint certificate in cybersecurity",
     [], [("Univ. of The Bahamas and UTech", "country", "JM", {})]),
    ("'established by ten universities of Eastern and Southern Africa, among them A and B': the founders listed",
     "The Agricultural Universities Forum of Africa (AUFA) met in Accra. AUFA was established in 2004 by ten "
     "universities of Eastern and Southern Africa, among them Makerere University and Egerton University. Africa "
     "University joined in 2010.",
     [("Agricultural Universities Forum of Africa", "founder", "Makerere University", {}),
      ("Agricultural Universities Forum of Africa", "founder", "Egerton University", {})],
     [("Agricultural Universities Forum of Africa", "founder", "Africa University", {})]),
    ("'set up by eighteen universities that were young then, with A and B among the driving forces'",
     "The Young European Research Universities Network (YERUN) was set up in Brussels in 2016 by eighteen "
     "universities that were all less than fifty years old at the time, with Maastricht University and Universitat "
     "Pompeu Fabra among the driving forces.",
     [("Young European Research Universities Network", "founder", "Maastricht University", {}),
      ("Young European Research Universities Network", "founder", "Pompeu Fabra University", {})], []),
    ("a country of several words inside a name is that country, not the one its last word names",
     "The University of Papua New Guinea signed an agreement with the University of the South Pacific.",
     [("University of Papua New Guinea", "country", "PG", {})], [("University of Papua New Guinea", "country", "GN", {})]),
    ("'the agreement with A ..., and the double degree with B': the publisher's partners, not each other's",
     "University of San Marino news\n\nMost important is the agreement with the University of Bologna (Italy) for "
     "the joint PhD in Economics, renewed in 2024, and the double degree in Communication with the University of "
     "Urbino.",
     [], [("University of Bologna", "partnerOf", "University of Urbino", {})]),
    ("'coordinated by A, in cooperation with B and C': A's partners",
     "At Flemish side the project is coordinated by KU Leuven, in cooperation with Ghent University and the "
     "University of Antwerp.",
     [("KU Leuven", "partnerOf", "Ghent University", {}), ("KU Leuven", "partnerOf", "University of Antwerp", {})], []),
    ("'A, former President of Y': Y's head, ended",
     "Also present was Dr. Ophelia Weeks, former President of the University of Liberia.",
     [("Ophelia Weeks", "headOf", "University of Liberia", {"ended": "true"})], []),
    ("'delegations, which were led by A, Title of X, by B, Title of Y, and by the Title of Z, C': each head his own",
     "The Vice-Chancellor of the University of The Gambia thanked the partner universities for their delegations, "
     "which were led by Professor Rita Akosua Dickson, Vice-Chancellor of KNUST, by Professor Alioune Kandji, "
     "Vice-Rector of Cheikh Anta Diop University, and by the Principal of Fourah Bay College, Professor Foday Sahr.",
     [("Rita Akosua Dickson", "headOf", "Kwame Nkrumah University of Science and Technology", {}),
      ("Foday Sahr", "headOf", "Fourah Bay College", {})],
     [("Rita Akosua Dickson", "headOf", "University of The Gambia", {}),
      ("Alioune Kandji", "headOf", "Kwame Nkrumah University of Science and Technology", {}),
      ("Alioune Kandji", "headOf", "Fourah Bay College", {})]),
    ("'The alliance is funded ... Its Secretary General, A,': the alliance's, not the last university's",
     "Ulysseus was founded in 2020 by six universities. In 2022 Münster University of Applied Sciences and the "
     "University of Montenegro joined as full partners. The alliance is funded under the European Universities "
     "Initiative. Its Secretary General, Dr. Ana Beltrán, coordinates the General Secretariat in Seville.",
     [("Ana Beltrán", "headOf", "ULYSSEUS", {})], [("Ana Beltrán", "headOf", "University of Montenegro", {})]),
    ("'A signed MoUs with B, and its partners include C': A's partners, whatever the sentence before was about",
     "In 2017 NUST co-founded the Pakistan Engineering Universities Consortium (PEUC); the consortium today has 11 "
     "members.\n\nDuring 2024 NUST signed MoUs with Middle East Technical University, and its partners for joint "
     "PhD supervision include the University of Glasgow.",
     [("National University of Sciences and Technology (Pakistan)", "partnerOf", "University of Glasgow", {})],
     [("Pakistan Engineering Universities Consortium", "partnerOf", "University of Glasgow", {})]),
    ("'The new partners are:' in a text about a programme: the listed take part in it, no partners of its owner",
     "Foundation welcomes new partners to its Scholars Program\n\nThe Mastercard Foundation today announced new "
     "partner institutions that will join the Mastercard Foundation Scholars Program.\n\nThe new partners are:\n\n"
     "1. University of Cape Coast, Ghana\n2. Gulu University in northern Uganda\n\nThe Scholars Program was launched "
     "in 2012.",
     [("University of Cape Coast", "participatesIn", "Mastercard Foundation Scholars Program", {}),
      ("Gulu University", "participatesIn", "Mastercard Foundation Scholars Program", {}),
      ("Mastercard Foundation Scholars Program", "founded", "2012", {})],
     [("University of Cape Coast", "partnerOf", "Gulu University", {}), ("Scholars Program", "founded", "2012", {})]),
    ("'A, a member since the network was created, announced that it will leave X': 'it' is A",
     "The Nordic network VALDORIA met in Turku. VALDORIA admitted two members. Luleå University of Technology (LTU), a "
     "member since the network was created, announced that it will leave VALDORIA on 31 December 2025.",
     [("Luleå University of Technology", "memberOf", "VALDORIA", {"role": "former"})], []),
    ("abbreviated head words in a related-news line: 'Maldives Natl. Univ. and Univ. of Colombo sign ...'",
     "The Maldives National University hosted the meeting.\n\nRelated news\n- Maldives Natl. Univ. and Univ. of "
     "Colombo sign student exchange agreement",
     [("Maldives National University", "partnerOf", "University of Colombo", {})], []),
    ("'among the founding members of X (XA), which was dissolved in 2012': an ended founding membership",
     "The University of The Bahamas was among the founding members of the Consortium of Caribbean Universities for "
     "Natural Resource Management (CCUNRM), which was dissolved in 2012.",
     [("University of The Bahamas", "memberOf", "Consortium of Caribbean Universities for Natural Resource Management",
       {"role": "founding", "until": "2012"})], []),
    ("'The chairman of the Board of Directors of X, A,': X's head, the board no organisation of its own",
     "The Anton de Kom University of Suriname (AdeKUS) was selected. The chairman of the Board of Directors of "
     "AdeKUS, drs. Marcel Wijngaarde, welcomed the guests.",
     [("Marcel Wijngaarde", "headOf", "Anton de Kom University of Suriname", {"role": "chairman"})], []),
    ("'A, Executive Secretary of X': the network's chief executive",
     "The Regional Universities Forum for Capacity Building in Agriculture (RUFORUM) met in Lilongwe. Prof. Patrick "
     "Okori, Executive Secretary of RUFORUM, opened the meeting.",
     [("Patrick Okori", "headOf", "Regional Universities Forum for Capacity Building in Agriculture",
       {"role": "executive secretary"})], []),
    ("an acronym-like name found once ('the Nordic network VALDORIA') names the same network wherever it is used",
     "The Nordic network VALDORIA met in Turku. VALDORIA admitted two members. Professor Minna Palander has chaired "
     "VALDORIA since 2021.",
     [("Minna Palander", "headOf", "VALDORIA", {"role": "chair"})], []),
    ("'Chairman of the Board of Trustees A said': the publisher's chair, A a person (the model took all for one name)",
     "University of The Bahamas news\n\nThe University of The Bahamas named a new president. Chairman of the Board "
     "of Trustees Kendal Knowles said the Board voted unanimously.",
     [("Kendal Knowles", "headOf", "University of The Bahamas", {"role": "chairman"})], []),
    ("'Y inducted A as its 16th President': inducting, installing, inaugurating appoint",
     "SUAKOKO – Cuttington University on Saturday formally inducted Dr. Samuel K. Gbollie as its 16th President.",
     [("Samuel K. Gbollie", "headOf", "Cuttington University", {"role": "president"})], []),
    ("'A took over the leadership of Y'; 'B, who has guided Y since 2013': heads",
     "Dr. Samuel Gbollie took over the leadership of Cuttington University on 1 January 2025. Prof. Elena Guidi "
     "succeeds Prof. Corrado Petrocelli, who has guided the University of the Republic of San Marino since 2013.",
     [("Samuel Gbollie", "headOf", "Cuttington University", {}),
      ("Corrado Petrocelli", "headOf", "University of the Republic of San Marino", {})], []),
    ("Dutch, Portuguese and Italian particles inside a name: 'Universiteit van Suriname', 'Universidade dos Açores'",
     "The Anton de Kom Universiteit van Suriname (AdeKUS) was selected. AdeKUS is a member of the Association of "
     "African Universities.",
     [("Anton de Kom Universiteit van Suriname", "memberOf", "Association of African Universities", {})], []),
    ("a counted plural approved for a year is no founding of the name before it",
     "NMSE III: 40 networks approved for the academic year 2025/26\n\nThe Nordic Mobility Scheme for Engineering (NMSE) "
     "was launched in 2004.",
     [("Nordic Mobility Scheme for Engineering", "founded", "2004", {})],
     [("Nordic Mobility Scheme for Engineering", "founded", "2025", {})]),
    ("an Arabic particle joined by a hyphen inside a head's name",
     "The President of Aleppo University, Prof. Samir Adnan al-Rifai, opened the conference on Monday.",
     [("Samir Adnan al-Rifai", "headOf", "Aleppo University", {"role": "president"})], []),
    ("a ministry's portfolio of other countries' words, and no organisation made of fields",
     "The Ministry of National Education and Professional Formation approved the budget. The Minister of National "
     "Education and Professional Formation, Claire Duvivier, signed the decree.",
     [("Claire Duvivier", "headOf", "Ministry of National Education and Professional Formation", {"role": "minister"})],
     [("Claire Duvivier", "headOf", "Professional Formation", {})]),
    ("'the Minister, Prof. A': the one ministry the sentence names, not the publisher",
     "In a statement from the Ministry of Higher Education and Scientific Research, the Minister, Prof. Omar Hadi Saleh, "
     "praised the University of Khartoum.",
     [("Omar Hadi Saleh", "headOf", "Ministry of Higher Education and Scientific Research", {"role": "minister"})], []),
    ("a funded project's consortium lines: the coordinator, its partners, all in the programme",
     "The Intra-Africa Academic Mobility Scheme has selected three new partnerships for 2026.\n\n"
     "1. AGRI-LINK: crop science for the Great Lakes\n\nCoordinator: Makerere University (Uganda)\n\n"
     "Partners: University of Rwanda (Rwanda); University of Burundi (Burundi); Kenyatta University (Kenya)\n\n"
     "Technical partner: Ghent University (Belgium)\n\n2. COAST-MED: coastal health\n\n"
     "Coordinator: University of Dar es Salaam (Tanzania)\n\nPartners: Eduardo Mondlane University (Mozambique)",
     [("Makerere University", "participatesIn", "Intra-Africa Academic Mobility Scheme", {}),
      ("University of Burundi", "participatesIn", "Intra-Africa Academic Mobility Scheme", {}),
      ("Ghent University", "participatesIn", "Intra-Africa Academic Mobility Scheme", {}),
      ("Makerere University", "partnerOf", "University of Rwanda", {}),
      ("Makerere University", "partnerOf", "Ghent University", {}),
      ("University of Dar es Salaam", "partnerOf", "Eduardo Mondlane University", {})],
     [("University of Rwanda", "partnerOf", "Kenyatta University", {}),
      ("Makerere University", "partnerOf", "Eduardo Mondlane University", {})]),
    ("a hedged funding is no participation",
     "The Intra-Africa Academic Mobility Scheme announced its results. Two further applications, coordinated by Jimma "
     "University and by the University of Lomé, were placed on the reserve list and may be funded if resources allow.",
     [], [("Jimma University", "participatesIn", "Intra-Africa Academic Mobility Scheme", {}),
          ("University of Lomé", "participatesIn", "Intra-Africa Academic Mobility Scheme", {})]),
    ("'it' after an agency named as the subject stands for the agency",
     "Two projects were coordinated by the University of Lomé. The Erasmus Executive Office for Cooperation manages "
     "the calls on behalf of the Commission. Based in Brussels, it was set up in 2009 and renamed in 2021.",
     [("Erasmus Executive Office for Cooperation", "founded", "2009", {})],
     [("University of Lomé", "founded", "2009", {})]),
    ("a founding participle right after a name that is no subject",
     "Heir of the University of Haiti created in 1944, the State University of Haiti elected a new rector. It grew out "
     "of the University Pole of Djibouti opened in 2000 and of the Teachers' College of Kinshasa founded on 3 May 1961.",
     [("University of Haiti", "founded", "1944", {}), ("University Pole of Djibouti", "founded", "2000", {}),
      ("Teachers' College of Kinshasa", "founded", "1961-05-03", {})], []),
    ("the last of a relative clause's founders is no founded organisation",
     "The universities of the Leiden-Delft-Erasmus alliance, which Leiden University, TU Delft and Erasmus University "
     "Rotterdam founded in 2012, share three consortia.",
     [], [("Erasmus University Rotterdam", "founded", "2012", {})]),
    ("rankings of recent years known by name",
     "The University of Khartoum has been ranked in the 1,847th position worldwide in the AD Scientific Index 2025. "
     "In EduRank, Taiz University came in position 7,730.",
     [("University of Khartoum", "rankedIn", "AD Scientific Index", {"rank": "1847", "year": "2025"}),
      ("Taiz University", "rankedIn", "EduRank", {"rank": "7730"})], []),
    ("universities placed against, with their own places 'respectively' in a relative clause",
     "In the QS World University Rankings 2025, Ibb University came in position 1,730, after Sana'a University and the "
     "University of Aden, which occupied the positions 1,102 and 1,560 respectively.",
     [("Ibb University", "rankedIn", "QS World University Rankings", {"rank": "1730"}),
      ("Sana'a University", "rankedIn", "QS World University Rankings", {"rank": "1102"}),
      ("University of Aden", "rankedIn", "QS World University Rankings", {"rank": "1560"})],
     [("Ibb University", "rankedIn", "QS World University Rankings", {"rank": "1102"})]),
    ("a founding verb's object after a phrase put in between; a network named there is no apposition",
     "The University of Djibouti is public. In 2019 it created, together with the University of Aden (Yemen) and the "
     "Red Sea University (Sudan), the Network of the Universities of the Red Sea and of the Gulf of Aden (RUMERGA).",
     [("Network of the Universities of the Red Sea and of the Gulf of Aden", "founded", "2019", {}),
      ("Network of the Universities of the Red Sea and of the Gulf of Aden", "founder", "Red Sea University", {}),
      ("Red Sea University", "memberOf", "Network of the Universities of the Red Sea and of the Gulf of Aden", {})],
     [("Red Sea University", "memberOf", "Network of the Universities of the Red Sea and of the Gulf of Aden",
       {"role": "former"})]),
    ("a country opening the sentence is where the partners after 'with' are, not the subject's",
     "Jimma is a city. In Ethiopia, the University of Djibouti cooperates since 2016 with Addis Ababa University and "
     "with Haramaya University.",
     [("Haramaya University", "country", "ET", {})], [("University of Djibouti", "country", "ET", {})]),
    ("'in' a country right before a verb ends the place phrase",
     "The Kaunas University of Technology in Lithuania has been invited to apply in 2026.",
     [("Kaunas University of Technology", "country", "LT", {})], []),
    ("'in' a country is no national ranking unless a scope word stands right before it",
     "In Denmark, the University of Greenland cooperates with the University of Copenhagen, and with the University of "
     "Iceland in Reykjavik.",
     [], [("University of Greenland", "country", "DK", {}), ("University of Iceland", "country", "DK", {})]),
    ("a passive partnership's agents listed on whatever the parse hung them",
     "The joint Master in Heritage Studies is delivered jointly by Freie Universität Berlin, KU Leuven and the "
     "Jagiellonian University.",
     [("Free University of Berlin", "partnerOf", "KU Leuven", {}),
      ("KU Leuven", "partnerOf", "Jagiellonian University", {})], []),
    ("a name with a list of fields before its head noun, spelt whole by its acronym; 'by A (ACR) in cooperation with B'",
     "The index is compiled by the Association of Arab Universities (AArU) in cooperation with the Gulf Educational, "
     "Cultural and Scientific Organization (GECSO).",
     [("Association of Arab Universities", "partnerOf", "Gulf Educational, Cultural and Scientific Organization", {})],
     [("Association of Arab Universities", "partnerOf", "Cultural and Scientific Organization", {})]),
    ("a name in a language of its own set off by dashes against the English name, then used alone",
     "Ilisimatusarfik – the University of Greenland – will join the Arctic Five as an associate partner. "
     "Ilisimatusarfik was founded in 1987 in Nuuk.",
     [("University of Greenland", "founded", "1987", {})], []),
    ("a list of names, one before 'the' name, is no other name of it",
     "The hubs are CYENS, the KIOS Centre of Excellence of the University of Cyprus, and the ERATOSTHENES Centre. "
     "CYENS was founded in 2017.",
     [], [("KIOS Centre of Excellence of the University of Cyprus", "founded", "2017", {})]),
    ("a territory with its own ISO code is a country",
     "The University of Iceland signed an agreement with the Inter American University in San Juan, Puerto Rico, and "
     "with the Faroese University of the Islands.",
     [("Inter American University", "country", "PR", {}), ("Faroese University of the Islands", "country", "FO", {})],
     []),
    ("an acronym written as a word, and a programme's acronym with its phase",
     "Makerere University joins the second phase of the Swedish Programme for Research Capacity in Health Sciences "
     "(SPRECH II), the Swedish International Development Cooperation Agency (Sida) said. SPRECH was launched by Sida "
     "in 2014.",
     [("Swedish Programme for Research Capacity in Health Sciences", "founder",
       "Swedish International Development Cooperation Agency", {}),
      ("Swedish Programme for Research Capacity in Health Sciences", "founded", "2014", {})], []),
    ("'Its Director' after a sentence whose subject the parse hung on a place before it",
     "The University of Gibraltar joined the network. Founded in 1991 and headquartered in Rome, Italy, the "
     "Mediterranean Universities Union (UNIMED) now brings together 160 universities. Its Director, Marcello Scalisi, "
     "welcomed the new members.",
     [("Marcello Scalisi", "headOf", "Mediterranean Universities Union", {"role": "director"})],
     [("Marcello Scalisi", "headOf", "University of Gibraltar", {})]),
    ("the governing board of the organisation spoken of is chaired by A; a search committee's chair heads nothing",
     "The University of Gibraltar joined UNIMED in May. The Board of Governors is chaired by Mr. Julian Bossano. "
     "The search committee was chaired by Dr. Helen Tait.",
     [("Julian Bossano", "headOf", "University of Gibraltar", {"role": "chair"})],
     [("Helen Tait", "headOf", "University of Gibraltar", {})]),
    ("an acronym never spelt out, typed a university by its head's title after it; a former name 'known as'",
     "At the end of this month NDU will host the annual meeting of the Association of American International Colleges "
     "and Universities. NDU took part in its first meeting in 1975, when the university was known as the Beirut "
     "Institute of Letters. NDU President Walid Haddad welcomed the guests.",
     [("Walid Haddad", "headOf", "NDU", {"role": "president"})],
     [("Walid Haddad", "headOf", "Beirut Institute of Letters", {})]),
    ("'a collaborative effort with A and B': the publisher's partners",
     "Next month Notre Dame University will host the annual meeting of the association, as part of a collaborative "
     "effort with the American University of Beirut and Haigazian University.",
     [("Notre Dame University", "partnerOf", "Haigazian University", {}),
      ("Notre Dame University", "partnerOf", "American University of Beirut", {})], []),
    ("'an initiative ... was launched' under a headline naming the alliance",
     "Launch of the Pacific Islands Universities Research Network (PIURN)\n\n"
     "An initiative bringing together ten universities of the Pacific to share research was launched in Suva in 2013.",
     [("Pacific Islands Universities Research Network", "founded", "2013", {})], []),
    ("'his term as President of Y': the head's post",
     "Also, Claire Morel will leave the Board as her term as President of the University of Lyon will expire in June.",
     [("Claire Morel", "headOf", "University of Lyon", {"role": "president"})], []),
    ("'are led by four universities: A, B, C and D' while a programme is spoken of; 'el' inside a name",
     "Students will travel under the New Colombo Plan (NCP) program. The projects that will bring students to Honiara "
     "are led by four Australian universities: James Cook University, Griffith University, the University of the "
     "Sunshine Coast and the University of Bahr el Ghazal.",
     [("Griffith University", "participatesIn", "New Colombo Plan", {}),
      ("University of Bahr el Ghazal", "participatesIn", "New Colombo Plan", {})], []),
    ("a programme's name that opens with its country",
     "The ministry announced the results of the second call of the Peru Excelencia programme. The selected projects are "
     "led by the following anchor institutions: the Universidad Nacional de Ingeniería and the Universidad de Piura.",
     [("Universidad de Piura", "participatesIn", "Peru Excelencia", {})], []),
    ("a fronted participle whose name the tagger took for an adverb; then 'Its Director'",
     "The University of Gibraltar has joined the Mediterranean Universities Union (UNIMED). Founded in 1991 and "
     "headquartered in Rome, Italy, UNIMED now brings together 160 universities. Its Director, Marcello Scalisi, "
     "welcomed the new member.",
     [("Mediterranean Universities Union", "founded", "1991", {}),
      ("Marcello Scalisi", "headOf", "Mediterranean Universities Union", {"role": "director"})],
     [("Marcello Scalisi", "headOf", "University of Gibraltar", {})]),
    ("a title after 'and' that another name follows is that name's, not the person's before it",
     "The Ministry of Education and Human Resources Development funds the Solomon Islands National University (SINU). "
     "The students met the Minister of Education and Human Resources Development, Hon. Mary Kilua, and the Chair of "
     "the SINU Council, Mr. John Tova.",
     [("John Tova", "headOf", "Solomon Islands National University", {"role": "chair"})],
     [("Mary Kilua", "headOf", "Solomon Islands National University", {})]),
    ("a dean heads no organisation (GOLD_FORMAT: not deans)",
     "Also present were the Vice-Rectors of the university, the Dean of the Faculty of Medicine, Manuel Quitumba, and "
     "the Rector of the Katyavala Bwila University, Ernesto Vunge.",
     [("Ernesto Vunge", "headOf", "Katyavala Bwila University", {"role": "rector"})],
     [("Manuel Quitumba", "headOf", "Agostinho Neto University", {}), ("Manuel Quitumba", "headOf", "Faculty of Medicine", {})]),
    ("a degree's subject is no organisation, nor is its name written in lower case",
     "The University of Gibraltar has signed agreements with the University of Cádiz, on marine science and maritime "
     "law.\n\nSee also: University of Gibraltar launches MSc in Marine Science",
     [("University of Cádiz", "partnerOf", "University of Gibraltar", {})],
     [("Marine Science", "partnerOf", "University of Gibraltar", {}), ("Marine Science", "founder", "University of Gibraltar", {})]),
    ("'a member of A and of the B-C Council for ...': the second name has a head noun of its own",
     "The University of Juba is a member of the Association of African Universities and of the Inter-University "
     "Council for East Africa (IUCEA).",
     [("University of Juba", "memberOf", "Association of African Universities", {}),
      ("University of Juba", "memberOf", "Inter-University Council for East Africa", {})], []),
    ("a Canadian medical-doctoral university by its city's name in a ranking's table",
     "Maclean's University Rankings 2014: medical doctoral\n\n14 Manitoba (15)\n\n15 Sherbrooke (14)",
     [("Université de Sherbrooke", "rankedIn", "Maclean's University Rankings", {"rank": "15"})], []),
    ("an association 'for' a purpose is an alliance: the words after 'for' do not name its members",
     "Since 2018 the University of Cádiz has belonged to the Ibero-American University Association for Postgraduate "
     "Studies, and it is also a member of the Association of African Universities.",
     [("University of Cádiz", "memberOf", "Ibero-American University Association for Postgraduate Studies", {})], []),
    ("a council that counts member institutions is an alliance of them",
     "The Atlantic Islands Tertiary Council now counts six member institutions after admitting Flores Polytechnic. "
     "The council voted to admit Corvo College as a full member.",
     [("Corvo College", "memberOf", "Atlantic Islands Tertiary Council", {})], []),
    ("a name the gazetteer knows with its acronym in brackets, later written alone",
     "All members of the Group of Eight (Go8) rose in the new table. The Group of Eight was formally established in 1999.",
     [("Group of Eight (Australian universities)", "founded", "1999", {})], []),
    ("clergy titles before a head's name, a hyphenated given name, a particle",
     "Fr. Jean-Baptiste Mabanda Kisolo, SJ, Rector of the Pontifical Mariner Institute, met Cardinal José Tolentino de Mendonça, "
     "Chancellor of the Catholic University of Lyon.",
     [("Jean-Baptiste Mabanda Kisolo", "headOf", "Pontifical Mariner Institute", {"role": "rector"}),
      ("José Tolentino de Mendonça", "headOf", "Catholic University of Lyon", {"role": "chancellor"})], []),
    ("a courtesy style ('Don') before a minister's name after a portfolio with commas",
     "The ceremony at the National University of Equatorial Guinea was presided over by the Minister of Education, "
     "Higher Education and Sports, Don Pablo Esono Mba Obiang. The Ministry of Education, Higher Education and Sports "
     "will fund the new laboratory.",
     [("Pablo Esono Mba Obiang", "headOf", "Ministry of Education, Higher Education and Sports", {})], []),
    ("a head's name after the organisation's bracketed acronym and a style ('Lic.')",
     "The rectors met the president of the National Council of Universities (CNU), Lic. Marlon Antonio Téllez Ruiz, "
     "in Managua.",
     [("Marlon Antonio Téllez Ruiz", "headOf", "National Council of Universities", {"role": "president"})], []),
    ("a programme's name with a slash between two of its words",
     "The University of Lomé has been chosen as a host institution of the DAAD's In-Country/In-Region Scholarship "
     "Programme.",
     [("University of Lomé", "participatesIn", "In-Country/In-Region Scholarship Programme", {})], []),
    ("'the council' for the alliance named before it; 'a South Pacific network' names no network",
     "The Atlantic Islands Tertiary Council now counts six member institutions. Corvo College will withdraw from the "
     "council at the end of 2025 to concentrate on its membership in a South Pacific network.",
     [("Corvo College", "memberOf", "Atlantic Islands Tertiary Council", {"role": "former", "until": "2025"})],
     [("Corvo College", "memberOf", "South Pacific", {})]),
    ("'Created in YEAR as FORMER NAME, the institution ...': founded, the former name no other university",
     "Marien Ngouabi University signed the agreement. Created in 1971 as the University of Brazzaville, the "
     "institution took its present name in 1977.\n\nContact: Marien Ngouabi University, BP 69, Brazzaville",
     [("Marien Ngouabi University", "founded", "1971", {})],
     [("University of Brazzaville", "founded", "1971", {})]),
    ("'was born in YEAR as FORMER NAME': a founding",
     "The University of Kisangani (UNIKIS) was born in 1963 as the Free University of the Congo.",
     [("University of Kisangani", "founded", "1963", {})], []),
    ("a university that 'opened its doors' or 'had opened' in a year was founded then; registration opening is no founding",
     "The Afro-American University of Central Africa opened its doors in 2012. The University of Sciences, Technology "
     "and Medicine, which had opened in 2009, signed too. Registration at the University of Ghana opened in May 2025, "
     "and the University of Lomé opened a new campus in 2015.",
     [("Afro-American University of Central Africa", "founded", "2012", {}),
      ("University of Sciences, Technology and Medicine", "founded", "2009", {})],
     [("University of Ghana", "founded", "2025-05", {}), ("University of Lomé", "founded", "2015", {})]),
    ("'the decision of A, in COUNTRY, to leave X': an ended membership however the infinitive is parsed",
     "The Assembly also took note of the decision of the Catholic University of Applied Sciences Freiburg, in Germany, "
     "to leave the International Federation of Catholic Universities at the end of 2025.",
     [("Catholic University of Applied Sciences Freiburg", "memberOf", "International Federation of Catholic Universities",
       {"role": "former", "until": "2025"})], []),
    ("a table whose columns are editions of the ranking the text speaks of, ranks with thousands separators",
     "Makerere University climbs in the Research.com ranking\n\nThe table gives the positions in the Research.com "
     "Best Universities ranking:\n\nUniversity\tCountry\t2025\t2024\nMakerere University\tUganda\t612\t640\n"
     "University of Rwanda\tRwanda\t1,930\t2,041",
     [("Makerere University", "rankedIn", "Research.com Best Universities", {"rank": "612", "year": "2025"}),
      ("University of Rwanda", "rankedIn", "Research.com Best Universities", {"rank": "2041", "year": "2024"})], []),
    ("a place dated by its own edition after 'whereas'; 'for the second consecutive year' repeats no changed place",
     "For the second consecutive year, the University of Rwanda figures in the ranking compiled by Research.com, and in "
     "a better position: the 2025 edition of the Research.com Best Universities ranking places the university at the "
     "1,930th position, whereas the institution stood at the 2,041st position in the 2024 edition.",
     [("University of Rwanda", "rankedIn", "Research.com Best Universities", {"rank": "1930", "year": "2025"}),
      ("University of Rwanda", "rankedIn", "Research.com Best Universities", {"rank": "2041", "year": "2024"})],
     [("University of Rwanda", "rankedIn", "Research.com Best Universities", {"rank": "1930", "year": "2024"})]),
    ("a shared-head list in groups by country: 'the universities A and B in X and C and D in Y'",
     "The Tethys Network of Universities was established in 2012 by the universities Bologna and Padua in Italy and "
     "Heidelberg and Göttingen in Germany.",
     [("Tethys Network of Universities", "founder", "University of Bologna", {}),
      ("Tethys Network of Universities", "founder", "Heidelberg University", {}),
      ("Tethys Network of Universities", "founder", "University of Göttingen", {})], []),
    ("a later trigger names the parties when the first names none: 'presented the joint programme, which is delivered "
     "jointly by A, B and C'",
     "The director presented the first results of the joint master's programme in energy systems, which has been "
     "delivered jointly since 2024 by the University of Cantabria, the University of Catania and the University of Mons.",
     [("University of Cantabria", "partnerOf", "University of Catania", {}),
      ("University of Catania", "partnerOf", "University of Mons", {})], []),
    ("a partner with a relative clause of its own starts another partnership",
     "Among the partners of the new research universities are Ghent University (Belgium), which has cooperated with "
     "Jimma University for two decades, and the University of Bergen (Norway), which runs a joint PhD programme with "
     "Hawassa University.",
     [("Ghent University", "partnerOf", "Jimma University", {})],
     [("Ghent University", "partnerOf", "Hawassa University", {})]),
    ("'the agreement binds A and B': the agreement's verb names its parties as its object; 'partners include' does not pair them",
     "The first agreement binds the University of Nouakchott and Gaston Berger University; it covers doctoral "
     "supervision. Its partners include the University of Ghana and Makerere University.",
     [("University of Nouakchott", "partnerOf", "Gaston Berger University", {})],
     [("University of Ghana", "partnerOf", "Makerere University", {})]),
    ("a ministry's portfolio joined by 'and' to a university word stays one name; 'and the' starts another",
     "The Minister of Higher and University Education, Marie-Thérèse Sombo Ayanne, opened the session. The Ministry "
     "of Higher and University Education funds the programme with the Ministry of Finance and the National Development "
     "and Reform Commission.",
     [("Marie-Thérèse Sombo Ayanne", "headOf", "Ministry of Higher and University Education", {})], []),
    ("'X is joined by A, B and C' while a programme is spoken of",
     "Tomsk State University keeps its place in Priority 2030. In the research leadership track, Tomsk State "
     "University is joined by ITMO University, Tomsk Polytechnic University and Novosibirsk State University.",
     [("ITMO University", "participatesIn", "Priority 2030", {}),
      ("Novosibirsk State University", "participatesIn", "Priority 2030", {})], []),
    ("'A is funded by the programme, together with B and C': they share it",
     "Since 2012, Universitas Airlangga has been funded by the World Class University Programme, together with "
     "Universitas Gadjah Mada and IPB University.",
     [("Gadjah Mada University", "participatesIn", "World Class University Programme", {}),
      ("IPB University", "participatesIn", "World Class University Programme", {})], []),
    ("countries after ', in CITY, COUNTRY' and ', in the ISLANDS, COUNTRY'",
     "A memorandum was signed with Omar Bongo University, in Libreville, Gabon, and renewed with the University of Las "
     "Palmas de Gran Canaria (ULPGC), in the Canary Islands, Spain, in 2024.",
     [("Omar Bongo University", "country", "GA", {}), ("University of Las Palmas de Gran Canaria", "country", "ES", {})], []),
    ("a country's group of universities with its members in apposition, after a comma or a dash",
     "Two other Burundian institutions, Hope Africa University and the Université Lumière de Bujumbura, are ranked. "
     "The rectors of the public universities of Chad – the University of N'Djamena and the University of Moundou – met. "
     "Beyond the Portuguese universities, the University of Cape Verde maintains agreements with the Federal University "
     "of Ceará (Brazil).",
     [("Hope Africa University", "country", "BI", {}), ("Université Lumière de Bujumbura", "country", "BI", {}),
      ("University of Moundou", "country", "TD", {}), ("Federal University of Ceará", "country", "BR", {})],
     [("Federal University of Ceará", "country", "PT", {})]),
    ("'Other Syrian universities in the ranking are A, in the 71st place, B and C': each in that country",
     "Other Syrian universities in the ranking are the University of Aleppo, in the 71st place (66th in 2024), Tishreen "
     "University and Al-Baath University.",
     [("University of Aleppo", "country", "SY", {}), ("Al-Baath University", "country", "SY", {})], []),
    ("'its president' inside a relative clause is the president of the clause's organisation",
     "The University of Nouakchott signed four agreements. One was signed with the University of Tunis El Manar, whose "
     "delegation was led by its president, Professor Leïla Ben Ammar, for a common master.",
     [("Leïla Ben Ammar", "headOf", "University of Tunis El Manar", {"role": "president"})],
     [("Leïla Ben Ammar", "headOf", "University of Nouakchott", {})]),
    ("a list under 'X was established in 2020 by seven universities:': each item founded X",
     "Five years of the alliance\n\nThe EUNICE European University was established in 2020 by seven universities:\n\n"
     "- Poznan University of Technology (PUT), Poland – coordinator\n\n- University of Cantabria (UC), Spain\n\n"
     "- University of Mons (UMONS), Belgium\n\nThe alliance was selected in 2020.",
     [("European University for Customised Education", "founder", "University of Cantabria", {}),
      ("University of Mons", "memberOf", "European University for Customised Education", {"role": "founding"})], []),
    ("a table row with a country cell places its university",
     "Members of the network:\n\nUniversity\tCountry\tSince\nUniversity of Oulu\tFinland\t2016\n"
     "Luleå University of Technology\tSweden\t2016",
     [("University of Oulu", "country", "FI", {}), ("Luleå University of Technology", "country", "SE", {})], []),
    ("a seat: 'the X office is located in CITY, COUNTRY', 'Based in CITY, COUNTRY, the X secretariat ...', "
     "', in the Democratic Republic of the Congo'",
     "The SGroup European Universities' Network met in Trieste. The SGroup office is located in Brussels, Belgium. Based "
     "in Brussels, Belgium, the Una Europa secretariat coordinates the alliance. The network admitted the University of "
     "Kindu, in the Democratic Republic of the Congo, as a member.",
     [("SGroup European Universities' Network", "country", "BE", {}), ("Una Europa", "country", "BE", {}),
      ("University of Kindu", "country", "CD", {})], []),
    ("bands given 'respectively' in a sentence that names no ranking of its own",
     "In the THE Emerging Economies University Rankings 2022, the University of Colombo is 201-250. Among Sri Lankan "
     "universities, the University of Peradeniya, the University of Sri Jayewardenepura and the University of Moratuwa "
     "are placed in the 251-300, 301-350 and 351-400 bands respectively.",
     [("University of Sri Jayewardenepura", "rankedIn", "THE Emerging Economies University Rankings", {"band": "301-350"}),
      ("University of Moratuwa", "rankedIn", "THE Emerging Economies University Rankings", {"band": "351-400"})], []),
    ("a gazetteer name with a qualifier in brackets is found under its bare name: 'University of Newcastle' is "
     "'University of Newcastle (Australia)', the one so named",
     "The University of Newcastle (UON) was established as an independent university in 1965. Lingnan University "
     "signed an agreement with Ashoka University.",
     [("University of Newcastle (Australia)", "founded", "1965", {}),
      ("Ashoka University", "partnerOf", "Lingnan University (Hong Kong)", {})],
     [("University of Newcastle", "founded", "1965", {})]),
    ("a ranking named 'PUBLISHER Best PLURAL' however its publisher is written (slashes, hyphens, 's), with 'Survey' "
     "or 'in the U.S.' after it",
     "Rice University is ninth in the Wall Street Journal/College Pulse Best Colleges in the U.S. this year. Jawaharlal "
     "Nehru University has been ranked first in the India Today-MDRA Best Universities Survey 2025. Princeton University "
     "is third in the Forbes America's Best Colleges.",
     [("Rice University", "rankedIn", "Wall Street Journal/College Pulse Best Colleges in the U.S", {"rank": "9"}),
      ("Jawaharlal Nehru University", "rankedIn", "India Today-MDRA Best Universities Survey", {"rank": "1", "year": "2025"}),
      ("Princeton University", "rankedIn", "Forbes America's Best Colleges", {"rank": "3"})], []),
    ("placements listed each in its own ranking: '19th in the QS ..., 83rd in the THE ... and the 101-150 band in ARWU'",
     "UNSW's result reflects positions of 19th in the QS World University Rankings 2026, 83rd in the THE World "
     "University Rankings 2025 and the 101–150 band in ARWU 2024.",
     [("University of New South Wales", "rankedIn", "QS World University Rankings", {"rank": "19", "year": "2026"}),
      ("University of New South Wales", "rankedIn", "Times Higher Education World University Rankings", {"rank": "83", "year": "2025"}),
      ("University of New South Wales", "rankedIn", "Academic Ranking of World Universities", {"band": "101-150", "year": "2024"})],
     []),
    ("a ranking cue after a name whose head word is not its last: 'the WSJ/College Pulse ranking' is no college",
     "Rice University is ninth. It is the best result Rice has recorded since the WSJ/College Pulse ranking was first "
     "published in 2023.",
     [("WSJ/College Pulse ranking", "founded", "2023", {})], []),
    ("'the plan' after a programme named '... Plan' is that programme: 'the other universities in the plan include A, B'",
     "The Strong Base Plan was launched by the Ministry of Education in 2020. The other universities in the plan include "
     "Peking University, Tsinghua University and Fudan University.",
     [("Tsinghua University", "participatesIn", "Strong Base Plan", {}),
      ("Fudan University", "participatesIn", "Strong Base Plan", {})], []),
    ("a counted subject hosting what a programme funds, its universities listed after a colon",
     "Ten research centres were selected through the CoREs Fund. Five of New Zealand's eight universities will host a "
     "centre: the University of Auckland, the University of Otago and Lincoln University.",
     [("University of Otago", "participatesIn", "CoREs Fund", {}),
      ("Lincoln University", "participatesIn", "CoREs Fund", {})], []),
    ("the units a programme funds 'are led by' universities, the participle's subject misparsed",
     "NSF launched the AI Institutes program in 2020. The other new institutes announced today are led by Carnegie "
     "Mellon University, Columbia University and the University of Maryland.",
     [("Carnegie Mellon University", "participatesIn", "AI Institutes", {}),
      ("University of Maryland", "participatesIn", "AI Institutes", {})], []),
    ("an organisation the model cut short, named in full before the acronym that spells it; 'Associated Universities' "
     "names a consortium",
     "OAK RIDGE, Tenn., March 18, 2025 – Oak Ridge Associated Universities (ORAU) has added five universities to its "
     "consortium. Portland State University is among the new members of ORAU.",
     [("Portland State University", "memberOf", "Oak Ridge Associated Universities", {})], []),
    ("an event spelt by its acronym is no organisation: 'the Annual General Meeting (AGM)'",
     "Rectors met in Bologna for the Annual General Meeting (AGM) of the Utrecht Network. The AGM elected Prof. Hanna "
     "Lindqvist as Chair of the Steering Committee.",
     [], [("Hanna Lindqvist", "headOf", "Annual General Meeting", {})]),
    ("a fronted 'among': 'Among the founding universities were A, B' and 'Among the institutions that founded the "
     "association were A, B' name founders",
     "Oak Ridge Associated Universities (ORAU) traces its origins to 1946. Among the founding universities were the "
     "University of Tennessee and Vanderbilt University. The Association of Jesuit Colleges and Universities was "
     "established in 1970. Among the institutions that founded the association were Boston College and Georgetown University.",
     [("Oak Ridge Associated Universities", "founder", "Vanderbilt University", {}),
      ("University of Tennessee", "memberOf", "Oak Ridge Associated Universities", {"role": "founding"}),
      ("Association of Jesuit Colleges and Universities", "founder", "Georgetown University", {}),
      ("Boston College", "memberOf", "Association of Jesuit Colleges and Universities", {"role": "founding"})], []),
    ("a numbered list under a ranking's heading places its universities: no members of the alliance named before; "
     "'New Delhi' and a seat after its university's name are places, not short names of universities",
     "JNU is ranked first in the India Today-MDRA Best Universities Survey 2025. The University of Delhi is second. JNU "
     "is a member of the Association of Indian Universities (AIU).\n\nDetails of the ranking (government universities):"
     "\n\n1. Jawaharlal Nehru University, New Delhi\n\n3. Banaras Hindu University, Varanasi\n\n4. University of "
     "Hyderabad, Hyderabad\n\n5. Jamia Millia Islamia, New Delhi",
     [("Jawaharlal Nehru University", "memberOf", "Association of Indian Universities", {})],
     [("Banaras Hindu University", "memberOf", "Association of Indian Universities", {}),
      ("University of Delhi", "memberOf", "Association of Indian Universities", {}),
      ("University of Hyderabad", "memberOf", "Association of Indian Universities", {}),
      ("Jamia Millia Islamia", "memberOf", "Association of Indian Universities", {})]),
    ("a line of related news after '»' states no membership",
     "JNU is a member of the Association of Indian Universities (AIU).\n\n» JNU and University of Tokyo hold joint "
     "symposium on Indo-Japanese relations",
     [], [("University of Tokyo", "memberOf", "Association of Indian Universities", {})]),
    ("a campus named with its system's name, a comma and its city is one university ('University of Nevada, Reno')",
     "The University at Buffalo will work with researchers at Cornell University, the University of Nevada, Reno, and "
     "the University of Washington.",
     [("University at Buffalo", "partnerOf", "University of Nevada, Reno", {})],
     [("University at Buffalo", "partnerOf", "University of Nevada", {})]),
    ("'the framework', 'the survey' after a ranking so named is that ranking; a ranking 'was started by' a body in a "
     "year, 'has appeared since' a year: its first edition",
     "JNU has performed well in the National Institutional Ranking Framework (NIRF) 2025. The framework was started by "
     "the Ministry of Education in 2016. In the WirtschaftsWoche Hochschulranking 2025, RWTH Aachen University is "
     "first. The WirtschaftsWoche Hochschulranking has appeared since 2004.",
     [("National Institutional Ranking Framework", "founded", "2016", {}),
      ("WirtschaftsWoche Hochschulranking", "founded", "2004", {})], []),
    ("'A was one of the network's founders, as were B and C' (a former name in a relative clause is no founder); "
     "'A is one of the universities that established X, together with B and C'",
     "The Regional Universities Network (RUN) met in Canberra, Australia. Federation University, which was known until "
     "2014 as the University of Ballarat, was one of the network's founders, as were Southern Cross University and the "
     "University of the Sunshine Coast. The University of Cape Town is one of the sixteen universities that established "
     "the African Research Universities Alliance in 2015, together with the University of Ghana and Makerere University "
     "in Uganda, among others.",
     [("Regional Universities Network (Australia)", "founder", "Federation University Australia", {}),
      ("Regional Universities Network (Australia)", "founder", "University of the Sunshine Coast", {}),
      ("African Research Universities Alliance", "founder", "University of Cape Town", {}),
      ("African Research Universities Alliance", "founder", "Makerere University", {})],
     [("Regional Universities Network (Australia)", "founder", "University of Ballarat", {})]),
    ("an alliance's members listed as its partners: under 'The full partners are:' or a heading naming the alliance; "
     "associate partners are associate members",
     "UNIC grows as two universities join the alliance\n\nUNIC, the European University of Post-Industrial Cities, "
     "met in Rotterdam. The full partners are:\n\n1. Erasmus University Rotterdam (Netherlands)\n\n2. Ruhr University "
     "Bochum (Germany)\n\nThe first two associate partners, admitted with immediate effect, are:\n\nUniversity of Rwanda"
     "\n\nThe Alliance for African Partnership consortium is made up of eleven institutions:\n\nMakerere University\tUganda",
     [("Ruhr University Bochum", "memberOf", "European University of Post-Industrial Cities", {}),
      ("University of Rwanda", "memberOf", "European University of Post-Industrial Cities", {"role": "associate"}),
      ("Makerere University", "memberOf", "Alliance for African Partnership", {})],
     [("Ruhr University Bochum", "partnerOf", "European University of Post-Industrial Cities", {}),
      ("Makerere University", "partnerOf", "Alliance for African Partnership", {})]),
    ("partners listed after an agreement stay partners while an alliance is spoken of",
     "UTG signs three MoUs, joins AWAU\n\nThe University of The Gambia on Tuesday signed Memoranda of Understanding "
     "with three universities. The partner institutions are:\n\n• Cheikh Anta Diop University (UCAD) in Dakar, Senegal",
     [("University of The Gambia", "partnerOf", "Cheikh Anta Diop University", {})],
     [("Cheikh Anta Diop University", "memberOf", "Association of West African Universities", {})]),
    ("'X, the research partnership it formed in 2015 with A, B and C': X is an alliance its formers founded, no "
     "partnership among them; 'with the support of' a body names no founder",
     "Loughborough University is also a founding member of Midlands Innovation, the research partnership it formed in "
     "2015 with Aston University, the University of Birmingham and Cranfield University. The Nordic Network was "
     "established in 2010 with the support of the Ministry of Education.",
     [("Midlands Innovation", "founder", "Loughborough University", {}),
      ("Midlands Innovation", "founder", "Cranfield University", {}),
      ("Aston University", "memberOf", "Midlands Innovation", {})],
     [("Loughborough University", "partnerOf", "Aston University", {}),
      ("Nordic Network", "founder", "Ministry of Education", {})]),
    ("an acronym or a sentence adverb before ', the group ...' names no alliance",
     "The Jagiellonian University (JU) won the competition. Next to JU, the group of research universities includes "
     "the University of Warsaw. Moreover, the network admitted Masaryk University.",
     [], [("University of Warsaw", "memberOf", "JU", {}), ("Masaryk University", "memberOf", "Moreover", {})]),
    ("a list under 'The Type A universities are:' after a paragraph whose main clause tells they were chosen",
     "Kanazawa University has been selected for the Top Global University Project, the ministry announced.\n\nThirteen "
     "universities were chosen for Type A, the category for institutions judged capable of entering the top 100 of the "
     "world university rankings.\n\nThe Type A universities are:\n\n- Hokkaido University\n\n- Tohoku University",
     [("Hokkaido University", "participatesIn", "Top Global University Project", {}),
      ("Tohoku University", "participatesIn", "Top Global University Project", {})], []),
    ("'as were private institutions such as A, B' share the fact before; a name set aside by 'besides' in the subject "
     "takes no part in the list",
     "Kanazawa University was selected for the Top Global University Project. Two public universities, Akita "
     "International University and the University of Aizu, were also chosen, as were private institutions such as "
     "Sophia University and Meiji University. Among the Type B universities, the national universities selected "
     "besides Kanazawa include Chiba University and Okayama University.",
     [("Meiji University", "participatesIn", "Top Global University Project", {}),
      ("Chiba University", "participatesIn", "Top Global University Project", {})], []),
    ("a heading of institutions to be 'notified as' a programme's status announces its participants",
     "The Institutions of Eminence scheme was set up by the Ministry of Human Resource Development in 2017.\n\nThe public "
     "institutions which will be notified as Institutions of Eminence are:\n\n1. University of Delhi\n\n2. University "
     "of Hyderabad",
     [("University of Hyderabad", "participatesIn", "Institutions of Eminence", {})], []),
    ("an acronym of a name's initials in another order (the name's own language) stands for it: 'GCUB' for the "
     "Coimbra Group of Brazilian Universities; 'Grupo Coimbra' is no short name of the University of Coimbra",
     "UFJF hosts plenary meeting of the Coimbra Group of Brazilian Universities\n\nCreated in 2008, the GCUB (acronym "
     "in Portuguese of Grupo Coimbra de Universidades Brasileiras) was inspired by the European Coimbra Group. The "
     "University of Brasília joined the GCUB in 2010.",
     [("University of Brasília", "memberOf", "Coimbra Group of Brazilian Universities", {})],
     [("University of Coimbra", "founded", "2008", {}), ("University of Brasília", "memberOf", "Coimbra Group", {})]),
    ("the alliance a clause is about stays spoken of after a partner named in the sentence: 'The council is "
     "reviewing its partnership with Colleges Ontario, ...; the two organizations fund ONCAT. Other members include A'",
     "COUNCIL OF ONTARIO UNIVERSITIES\n\nThe Council of Ontario Universities (COU) is the voice of the province's "
     "public universities. The council is also reviewing its long-standing partnership with Colleges Ontario, the "
     "association representing the province's 24 public colleges, on credit transfer; the two organizations jointly "
     "fund the Ontario Council on Articulation and Transfer (ONCAT).\n\nOther members include McMaster University and "
     "York University.",
     [("York University", "memberOf", "Council of Ontario Universities", {})],
     [("York University", "memberOf", "Colleges Ontario", {})]),
    ("the chair of an alliance's governing body, named with the alliance's acronym ('the AAP Consortium Board'), "
     "heads the alliance",
     "The Alliance for African Partnership (AAP) met in Lilongwe. The meeting elected Professor Kondwani Mhango, "
     "Vice-Chancellor of LUANAR, as chair of the AAP Consortium Board for 2025–2027.",
     [("Kondwani Mhango", "headOf", "Alliance for African Partnership", {"role": "chair"})],
     [("Kondwani Mhango", "headOf", "AAP Consortium Board", {})]),
    ("list lines 'NAME: PLACE (YEAR: PLACE)' while a ranking is spoken of: this edition's place and the earlier one's",
     "Trinity College Dublin has climbed to 75th in the QS World University Rankings 2026.\n\nResults for Irish "
     "universities are as follows:\n\n- University College Dublin: 118 (2025: 126)\n\n- Maynooth University: 801-850",
     [("University College Dublin", "rankedIn", "QS World University Rankings", {"rank": "118", "year": "2026"}),
      ("University College Dublin", "rankedIn", "QS World University Rankings", {"rank": "126", "year": "2025"}),
      ("Maynooth University", "rankedIn", "QS World University Rankings", {"band": "801-850", "year": "2026"})], []),
    ("'since its foundation in 1963': the subject's founding; 'the guide, which has appeared since 1992': the ranking's",
     "The Conference of Rectors of Italian Universities (CRUI) elected a president. CRUI has grown considerably since "
     "its foundation in 1963. Loughborough is 5th in The Times and Sunday Times Good University Guide 2026. The guide, "
     "which has appeared every year since 1992, ranks 130 universities.",
     [("Conference of Italian University Rectors", "founded", "1963", {}),
      ("The Times and The Sunday Times Good University Guide", "founded", "1992", {})], []),
    ("'X traces its history to 1829' where the tagger takes the acronym X for an adverb",
     "The University of Cape Town (UCT) appointed a new vice-chancellor. UCT traces its history to 1829, when it was "
     "founded as the South African College.",
     [("University of Cape Town", "founded", "1829", {})], []),
    ("'the alliance' is the alliance the headline is about, not the last one whose name says Alliance",
     "Nordic Five Tech elects NTNU to the chair\n\nNordic Five Tech (N5T) is an alliance of five technical universities. "
     "DTU is also a member of the EuroTech Universities Alliance. The chairmanship will renew the alliance's "
     "cooperation agreement with Nordic Energy Research.",
     [("Nordic Energy Research", "partnerOf", "Nordic Five Tech", {})],
     [("Nordic Energy Research", "partnerOf", "EuroTech Universities Alliance", {})]),
    ("a ranking named by a German compound on '-ranking' after its publisher",
     "In the WirtschaftsWoche Hochschulranking 2025, RWTH Aachen University is in first place for mechanical engineering.",
     [("RWTH Aachen University", "rankedIn", "WirtschaftsWoche Hochschulranking", {"rank": "1", "year": "2025"})], []),
    ("a three-word university name spelt as initials in capitals ('UOG')",
     "The University of Guam hosted the meeting. UOG President Maria Santos opened it.",
     [("Maria Santos", "headOf", "University of Guam", {"role": "president"})], []),
]


@pytest.fixture(scope="module")
def extract(builtin_gazetteer):
    from kg.pipeline import extract_text

    def run(text):
        extraction = extract_text(text, gazetteer=builtin_gazetteer)
        label = {e.iri: e.label for e in extraction.entities}
        return [(label.get(r.subject, r.subject), r.predicate.rsplit("/", 1)[-1].rsplit("#", 1)[-1],
                 label.get(r.object, r.object), dict(r.qualifiers)) for r in extraction.relations]
    return run


def _holds(fact, facts) -> bool:
    """Whether ``fact`` is among ``facts`` (partnerOf either way round) with at least its qualifiers."""
    subject, predicate, obj, qualifiers = fact
    pairs = {(subject, obj), (obj, subject)} if predicate == "partnerOf" else {(subject, obj)}
    return any(p == predicate and (s, o) in pairs and qualifiers.items() <= q.items() for s, p, o, q in facts)


@pytest.mark.parametrize("construction, text, expected, forbidden", CASES, ids=[c[0] for c in CASES])
def test_construction_is_read(extract, construction, text, expected, forbidden):
    facts = extract(text)
    assert [f for f in expected if not _holds(f, facts)] == [], facts
    assert [f for f in forbidden if _holds(f, facts)] == [], facts


def test_construction_fact_box_line_places_the_publisher(builtin_gazetteer):
    """A fact box of the publisher's placements: a ranking, its edition and a place on a line of its own."""
    from kg.pipeline import extract_text

    text = "NTU rises in the Nature Index\n\nNTU in the rankings\n\nQS World University Rankings 2025: 15th\n"
    extraction = extract_text(text, publisher="Nanyang Technological University", gazetteer=builtin_gazetteer)
    label = {e.iri: e.label for e in extraction.entities}
    placed = [(label.get(r.subject), dict(r.qualifiers)) for r in extraction.relations if r.predicate.endswith("rankedIn")]
    assert ("Nanyang Technological University", {"rank": "15", "year": "2025"}) in placed, placed


def test_construction_country_named_by_its_acronym_is_an_entity(builtin_gazetteer):
    """"the University of Warwick (UK)": the country the text states by its acronym is one of the article's entities."""
    from kg.pipeline import extract_text

    extraction = extract_text("The University of Warwick (UK) has withdrawn from the consortium.", gazetteer=builtin_gazetteer)
    assert ("United Kingdom", "Country") in {(e.label, e.kind) for e in extraction.entities}


def test_construction_clause_subject_after_comma_is_no_apposition(builtin_gazetteer):
    """"With the admission of X, the Network gathers 38 universities": the network is the clause's
    subject, not an apposition calling X a network, so X stays a university."""
    from kg.pipeline import extract_text

    text = ("The Kama Mining University (KMU) joined the Network of Volga Universities in May. "
            "With the admission of the KMU, the Network gathers 38 public universities.")
    kinds = {e.label: e.kind for e in extract_text(text, gazetteer=builtin_gazetteer).entities}
    assert kinds.get("Kama Mining University") == "University", kinds


def test_construction_table_column_of_institutions_takes_part_in_the_programme(builtin_gazetteer):
    """A table in an article about a programme (and no ranking): the universities in its column
    headed "University" or "Co-applicants" take part in the programme the text speaks of."""
    from kg.pipeline import extract_text

    text = ("Eight consortia receive Zenith funding\n\nThe Zenith programme was launched by the ministry in 2014. "
            "The results of this round are:\n\nConsortium\tMain applicant\tCo-applicants\tGrant\n\n"
            "Ocean Minds\tUniversity of Bergen\tUniversity of Tromsø\t12.5\n\n"
            "Quantum Matter\tUniversity of Oslo\tNTNU\t14.1\n\nThe next call opens in 2027.")
    extraction = extract_text(text, gazetteer=builtin_gazetteer)
    label = {e.iri: e.label for e in extraction.entities}
    taking_part = {label.get(r.subject) for r in extraction.relations if r.predicate.endswith("participatesIn")}
    assert {"University of Bergen", "University of Tromsø", "University of Oslo"} <= taking_part, taking_part


def test_construction_ranking_tier_named_league_is_no_alliance(builtin_gazetteer):
    """"in the Golden League of the Round University Ranking": a ranking's tier, not an alliance the universities join."""
    from kg.pipeline import extract_text

    extraction = extract_text("Saint Petersburg State University and Kazan Federal University are in the Golden League "
                              "of the Round University Ranking.", gazetteer=builtin_gazetteer)
    assert not [r for r in extraction.relations if r.predicate.endswith("memberOf")], extraction.relations
    assert "Alliance" not in {e.kind for e in extraction.entities}, extraction.entities


def test_construction_verbless_news_line_places_a_university_by_rule(builtin_gazetteer):
    """"A in the RANKING 2025", "B among the 301-400 of the RANKING 2025": a related-news line with
    no verb places the university it opens with (read by the rules alone, edition and band kept)."""
    from kg.pipeline import extract_text

    extraction = extract_text("Related news:\n- University of Sfax in the THE Impact Rankings 2025\n- Kyoto University "
                              "among the 301-400 of the Academic Ranking of World Universities 2025",
                              gazetteer=builtin_gazetteer, extractor="rules")
    label = {e.iri: e.label for e in extraction.entities}
    facts = {(label.get(r.subject), label.get(r.object), tuple(sorted(r.qualifiers))) for r in extraction.relations
             if r.predicate.endswith("rankedIn")}
    assert ("University of Sfax", "THE Impact Rankings", (("year", "2025"),)) in facts
    assert ("Kyoto University", "Academic Ranking of World Universities", (("band", "301-400"), ("year", "2025"))) in facts


def test_construction_name_before_head_title_is_a_university_but_a_campus_name_is_not(builtin_gazetteer):
    """"NDU President A" types the acronym NDU a university; "the Central Farm campus" leaves Central
    Farm no university (a campus's name, lexicon [context.University])."""
    from kg.pipeline import extract_text

    extraction = extract_text("NDU will host the meeting. NDU President Walid Haddad welcomed the guests. The university "
                              "teaches at the Central Farm campus and the Belmopan campus.", gazetteer=builtin_gazetteer)
    kinds = {e.label: e.kind for e in extraction.entities}
    assert kinds.get("NDU") == "University", kinds
    assert "Central Farm" not in kinds, kinds


def test_construction_kind_before_dash_and_known_name_is_no_entity(builtin_gazetteer):
    """"the European University Alliance – EUTOPIA": the words before the dash describe the known
    alliance after it; they are no alliance of their own."""
    from kg.pipeline import extract_text

    extraction = extract_text("Stellenbosch University joined SGroup in 2023. Moreover, it is an associated partner in the "
                              "European University Alliance – EUTOPIA, in which the University of Gothenburg is a full "
                              "member.", gazetteer=builtin_gazetteer)
    labels = {e.label for e in extraction.entities}
    assert "EUTOPIA" in labels and "European University Alliance" not in labels, labels


def test_construction_teaching_institutes_are_universities(builtin_gazetteer):
    """Institutes of higher education, technical, higher national and pontifical institutes teach
    and grant degrees: universities; an institute of tropical medicine stays a research institute."""
    from kg.pipeline import extract_text

    extraction = extract_text("The Lakeside Institute of Higher Education, the Harbour Technical Institute, the Pontifical "
                              "Mariner Institute and the Lakeside Institute of Tropical Medicine signed the charter.",
                              gazetteer=builtin_gazetteer)
    kinds = {e.label: e.kind for e in extraction.entities}
    assert kinds.get("Lakeside Institute of Higher Education") == "University", kinds
    assert kinds.get("Harbour Technical Institute") == "University", kinds
    assert kinds.get("Pontifical Mariner Institute") == "University", kinds
    assert kinds.get("Lakeside Institute of Tropical Medicine") == "ResearchInstitute", kinds


def test_construction_university_secretary_general_is_named_but_no_head(builtin_gazetteer):
    """"The Secretary General of the University of X, Abogada A B C": the style is no part of the
    name, and a university's secretary general keeps its records without heading it."""
    from kg.pipeline import extract_text

    extraction = extract_text("The Secretary General of the University of Lomé, Abogada Emma Virginia Rivera, read the "
                              "minutes.", gazetteer=builtin_gazetteer)
    persons = {e.iri: e.label for e in extraction.entities if e.kind == "Person"}
    assert list(persons.values()) == ["Emma Virginia Rivera"], persons
    assert not [r for r in extraction.relations if r.predicate.endswith("headOf")], extraction.relations


def test_construction_headline_verb_ends_the_name(builtin_gazetteer):
    """"University of Guam Hosts Pacific College Presidents": the headline's verb (third person)
    ends the university's name; the words after it are no part of it."""
    from kg.pipeline import extract_text

    extraction = extract_text("University of Guam Hosts Pacific College Presidents\n\nThe meeting took place on the "
                              "Mangilao campus.", gazetteer=builtin_gazetteer)
    labels = {e.label for e in extraction.entities}
    assert "University of Guam" in labels, labels
    assert not any("Hosts" in label for label in labels), labels


def test_construction_faculty_is_no_organisation_of_its_own(builtin_gazetteer):
    """"the Faculty of Medical Sciences" is a unit of the university the text is about: no entity,
    no partner of anyone."""
    from kg.pipeline import extract_text

    extraction = extract_text("The Faculty of Medical Sciences of UNAN-León signed an agreement with the Institute of "
                              "Tropical Medicine Antwerp.", gazetteer=builtin_gazetteer)
    labels = {e.label for e in extraction.entities}
    assert "Institute of Tropical Medicine Antwerp" in labels, labels
    assert not any(label.startswith("Faculty") for label in labels), labels


def test_construction_name_ending_in_its_country_owns_its_acronym(builtin_gazetteer):
    """"the University of Technology, Jamaica (UTech)": the acronym is the whole name's, not the
    country's, and "Technology" in another name ("College of Arts, Science and Technology") is a
    field, no short form of the university."""
    from kg.pipeline import extract_text

    extraction = extract_text("ACTI was founded in 1990. Its members include the University of Technology, Jamaica "
                              "(UTech), then known as the College of Arts, Science and Technology. UTech hosted the "
                              "meeting.", gazetteer=builtin_gazetteer)
    by_label = {e.label: e for e in extraction.entities}
    assert "UTech" in by_label["University of Technology, Jamaica"].aliases, by_label
    assert "Jamaica" not in by_label or "UTech" not in by_label["Jamaica"].aliases, by_label
    assert "University of Technology" not in by_label, by_label


def test_construction_institute_placed_in_a_ranking_is_a_school(builtin_gazetteer):
    """An institute the text places in a ranking is a teaching institution the ranking ranks (a
    University), unless its name says research ("Institute for Marine Research")."""
    from kg.pipeline import extract_text

    extraction = extract_text("The Institut National des Sciences de Gestion (INSG) is ranked 14th in the 2025 edition "
                              "of the Jeune Afrique ranking of African business schools. The Kivu Institute for Marine "
                              "Research is ranked 40th in the 2025 edition of the Jeune Afrique ranking of African "
                              "business schools.", gazetteer=builtin_gazetteer)
    kinds = {e.label: e.kind for e in extraction.entities}
    assert kinds.get("Institut National des Sciences de Gestion") == "University", kinds
    assert kinds.get("Kivu Institute for Marine Research") == "ResearchInstitute", kinds


def test_construction_office_before_a_comma_is_no_person(builtin_gazetteer):
    """"UCM's Principal and Chief Executive, Dr. Fiona Kermode-Clague": one person, Fiona
    Kermode-Clague; "Chief Executive" is her office."""
    from kg.pipeline import extract_text

    extraction = extract_text("UCM's Principal and Chief Executive, Dr. Fiona Kermode-Clague, welcomed the agreement.",
                              gazetteer=builtin_gazetteer)
    persons = {e.label for e in extraction.entities if e.kind == "Person"}
    assert persons == {"Fiona Kermode-Clague"}, persons


def test_construction_ranking_named_with_and_without_its_publisher_is_one(builtin_gazetteer):
    """A headline's "Global Policy School Rankings 2025" and the body's "Daily Chronicle Global
    Policy School Rankings 2025" are one ranking."""
    from kg.pipeline import extract_text

    extraction = extract_text("Global Policy School Rankings 2025: Sciences Po on top\n\nSciences Po has been named the "
                              "best school of public policy in the Daily Chronicle Global Policy School Rankings "
                              "2025.", gazetteer=builtin_gazetteer)
    rankings = [e for e in extraction.entities if e.kind == "Ranking"]
    assert len(rankings) == 1, rankings


def test_construction_university_named_with_its_city_after_the_head(builtin_gazetteer):
    """"Technological University Dublin" keeps its city wherever it is written (also before its
    bracketed short form "(TU Dublin)"), and "TU Dublin", "WU Vienna" are universities, not persons."""
    from kg.pipeline import extract_text

    extraction = extract_text("EUt+ was founded in 2020 by Technological University Dublin (Ireland) and Riga Technical "
                              "University (Latvia). Prof. Aidan Culleton, President of Technological University Dublin "
                              "(TU Dublin), spoke. WU Vienna joined later.", gazetteer=builtin_gazetteer)
    kinds = {e.label: e.kind for e in extraction.entities}
    assert "Technological University" not in kinds, kinds
    assert kinds.get("Technological University Dublin") == "University", kinds
    assert kinds.get("WU Vienna") == "University", kinds
    heads = {(r.subject.rsplit("/", 1)[-1], r.object.rsplit("/", 1)[-1]) for r in extraction.relations
             if r.predicate.endswith("headOf")}
    assert ("aidan-culleton", "technological-university-dublin") in heads, heads


def test_construction_centre_a_university_hosts_is_no_organisation(builtin_gazetteer):
    """"the Centre for Ocean Carbon Processes (OCEAN) at the University of Bergen" is a unit of the
    university, not an organisation of its own (nor is its acronym); a centre named alone is one."""
    from kg.pipeline import extract_text

    extraction = extract_text("The Centre for Ocean Carbon Processes (OCEAN) at the University of Bergen will work with "
                              "ETH Zurich. OCEAN will hire ten people. The Centre for Research and Technology Hellas "
                              "signed an agreement with ETH Zurich.", gazetteer=builtin_gazetteer)
    labels = {e.label for e in extraction.entities}
    assert not any("Ocean" in label or label == "OCEAN" for label in labels), labels
    assert "Centre for Research and Technology Hellas" in labels, labels


@pytest.mark.parametrize("text, linked", [
    ("The Ministry of Higher Education appointed Koffi Adje as rector of the University of Abomey-Calavi in Benin.", False),
    ("The Ministry of Higher Education announced new grants for Universiti Malaya in Kuala Lumpur, Malaysia.", True),
])
def test_construction_public_body_named_bare_is_the_one_of_the_country_the_text_names(builtin_gazetteer, text, linked):
    """"Ministry of Higher Education": the gazetteer's "Ministry of Higher Education (Malaysia)" in an
    article that names Malaysia, a ministry of its own in one about Benin."""
    from kg.pipeline import extract_text

    labels = {e.label for e in extract_text(text, gazetteer=builtin_gazetteer).entities}
    assert ("Ministry of Higher Education (Malaysia)" in labels) is linked, labels

