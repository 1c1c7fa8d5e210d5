#!/usr/bin/python3
"""Generate the bundled sample data of libjobmatch (examples/data/).

Synthetic people and vacancies of supported employment in central and east London, built on real
ESCO v1.1.1 occupations and skills and real O*NET 29.2 interests, work values and job zones.

Usage (from anywhere; standard library only, reproducible):

    /usr/bin/python3 examples/data/make_sample.py [--data DIR] [--out DIR]

DIR defaults: --data ../shared/data beside the project (i.e. <project>/../shared/data, holding
esco-v1.1.1/ and onet-29.2/), --out the folder of this script.

Writes jobs.json, candidates.json, candidates.jsonl, one-job.json and one-candidate.json.
Nobody in these files is real; the employers are fictional.
"""

import argparse
import collections
import csv
import json
import os
import random
import re
import sys

SCHEMA = "jobmatch/1"
HERE = os.path.dirname(os.path.abspath(__file__))
DEFAULT_DATA = os.path.normpath(os.path.join(HERE, "..", "..", "..", "shared", "data"))

ENV_DIMS = ["noise", "outdoor", "temperature", "pace", "time_pressure", "public_contact",
            "teamwork", "routine"]
FUNC_DIMS = ["lifting", "standing", "walking", "endurance", "dexterity", "orienting", "work_rate",
             "reading", "numeracy", "communication", "memory", "attention"]
OFFERS = ["equipment", "job_restructuring", "modified_schedule", "reassignment",
          "adjusted_training", "readers_interpreters", "physical_accessibility", "mentor", "buddy",
          "supportive_coworkers", "access_to_work", "funded_support"]
NEEDS = ["structured_task_instruction", "written_visual_instructions", "extra_training_time",
         "mentor_or_buddy", "supervisor_checkins", "flexible_schedule",
         "reduced_hours_phased_start", "quiet_workspace", "sensory_adjustments",
         "assistive_technology", "communication_support", "travel_training", "help_with_travel",
         "physical_access", "adapted_equipment", "personal_care_support", "on_site_job_coaching",
         "job_carving", "time_off_for_appointments", "benefits_counselling"]
VALUES = ["achievement", "working_conditions", "recognition", "relationships", "support",
          "independence"]
RIASEC = "RIASEC"
DAYS = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"]

# --------------------------------------------------------------------------------------------
# Places (lat, lon) in central and east London, all within about 15 km of Whitechapel.
AREAS = {
    "Whitechapel": (51.5194, -0.0590), "Stratford": (51.5413, -0.0030),
    "Hackney": (51.5450, -0.0553), "Homerton": (51.5470, -0.0420),
    "Canary Wharf": (51.5054, -0.0235), "Bow": (51.5290, -0.0200),
    "Poplar": (51.5080, -0.0170), "Barking": (51.5396, 0.0809), "Ilford": (51.5590, 0.0741),
    "Walthamstow": (51.5830, -0.0200), "Leyton": (51.5600, -0.0100),
    "Shoreditch": (51.5260, -0.0780), "City of London": (51.5155, -0.0922),
    "Bethnal Green": (51.5270, -0.0550), "Beckton": (51.5150, 0.0610),
    "Silvertown": (51.5030, 0.0300), "Dagenham": (51.5410, 0.1470),
    "Islington": (51.5380, -0.1030), "Lewisham": (51.4613, -0.0106),
    "Greenwich": (51.4826, -0.0077), "Woolwich": (51.4900, 0.0650),
    "Tottenham": (51.5980, -0.0700), "Dalston": (51.5460, -0.0750),
    "Mile End": (51.5250, -0.0330), "Limehouse": (51.5120, -0.0390),
    "Aldgate": (51.5140, -0.0750), "Forest Gate": (51.5490, 0.0240),
    "East Ham": (51.5390, 0.0520), "Plaistow": (51.5310, 0.0170),
    "Canning Town": (51.5140, 0.0080), "Custom House": (51.5095, 0.0270),
}

# Fictional employers: id -> (kind, [sites]).
EMPLOYERS = {
    "royal-docklands-nhs-trust": ("nhs", ["Whitechapel", "Mile End", "Plaistow"]),
    "lea-valley-nhs-trust": ("nhs", ["Homerton", "Leyton"]),
    "thames-gateway-nhs-trust": ("nhs", ["Ilford", "Barking"]),
    "docklands-catering": ("catering", ["Whitechapel", "Homerton", "Stratford"]),
    "greenfield-supermarkets": ("retail", ["Stratford", "Bow", "East Ham", "Walthamstow"]),
    "metro-foodstores": ("retail", ["Shoreditch", "Aldgate", "Dalston", "Lewisham"]),
    "riverside-hotel-canary-wharf": ("hotel", ["Canary Wharf"]),
    "city-gate-hotel": ("hotel", ["Aldgate", "City of London"]),
    "eastway-logistics": ("logistics", ["Beckton", "Dagenham"]),
    "parcelpoint-distribution": ("logistics", ["Custom House", "Silvertown", "Tottenham"]),
    "eastside-borough-council": ("council", ["Bow", "Poplar", "Stratford", "Bethnal Green"]),
    "canary-mutual-insurance": ("office", ["Canary Wharf"]),
    "aldgate-legal-llp": ("office", ["City of London"]),
    "brightway-facilities": ("cleaning", ["Canary Wharf", "City of London", "Stratford"]),
    "capital-linen-services": ("laundry", ["Beckton", "Dagenham"]),
    "bean-and-brew-coffee": ("hospitality", ["Shoreditch", "Stratford", "Islington"]),
    "homecare-east": ("care", ["Bethnal Green", "Forest Gate", "Walthamstow"]),
    "bow-care-home": ("care", ["Bow"]),
    "greenwich-parks-trust": ("gardening", ["Greenwich", "Woolwich"]),
    "eastside-recycling": ("logistics", ["Canning Town"]),
    "sparkle-hand-car-wash": ("cleaning", ["Leyton"]),
    "highway-medical-practice": ("office", ["Hackney"]),
    "hackney-enterprise-workshop": ("sheltered", ["Hackney"]),
    "hospice-charity-shops": ("charity", ["Walthamstow", "Bethnal Green"]),
}

# --------------------------------------------------------------------------------------------
# Weekly shift patterns (week objects, 30-minute grid).
def days(names, ranges):
    return {d: list(ranges) for d in names}


WEEKDAYS = DAYS[:5]
SHIFTS = {
    "early": days(WEEKDAYS, ["06:00-14:00"]),
    "early_rota": days(DAYS, ["07:00-15:00"]),
    "day": days(WEEKDAYS, ["09:00-17:00"]),
    "day_early": days(WEEKDAYS, ["08:00-16:00"]),
    "late": days(WEEKDAYS, ["14:00-22:00"]),
    "late_rota": days(DAYS, ["14:00-22:00"]),
    "night": days(["sun", "mon", "tue", "wed", "thu"], ["22:00-06:00"]),
    "evening_clean": days(WEEKDAYS, ["17:30-21:30"]),
    "early_clean": days(WEEKDAYS, ["05:30-09:00"]),
    "weekend": days(["sat", "sun"], ["08:00-16:00"]),
    "school": days(WEEKDAYS, ["10:00-14:30"]),
    "retail_mix": {"mon": ["09:00-17:00"], "wed": ["09:00-17:00"], "thu": ["12:00-20:00"],
                   "sat": ["09:00-18:00"]},
    "cafe": {"tue": ["07:00-15:00"], "wed": ["07:00-15:00"], "fri": ["07:00-15:00"],
             "sat": ["08:00-16:00"], "sun": ["09:00-15:00"]},
    "care_split": days(DAYS, ["07:00-10:00", "17:00-21:00"]),
    "workshop": days(WEEKDAYS[:4], ["09:30-15:00"]),
    "volunteer": {"tue": ["10:00-14:00"], "thu": ["10:00-14:00"]},
    "hotel_early": days(DAYS, ["07:00-15:30"]),
    "hotel_late": days(["thu", "fri", "sat", "sun"], ["15:00-23:00"]),
}

# --------------------------------------------------------------------------------------------
# The occupations. Each: ESCO preferredLabel, O*NET-SOC code (closest by title), number of jobs,
# titles, employers, shifts, hours choices, wage range, environment (0..4 in ENV_DIMS order),
# functional demands (0..2 in FUNC_DIMS order), extra: licences, background check, a regular
# expression of ESCO skill labels to leave out (ESCO's profile is wider than the UK entry job).
# env:     noise outdoor temp pace tpress public team routine
# demands: lift stand walk endur dext orient rate read num comm mem attn
OCCUPATIONS = [
    dict(esco="hospital porter", onet="31-1132.00", n=3,
         titles=["Hospital porter", "Patient transport porter", "Portering assistant (supported)"],
         employers=["thames-gateway-nhs-trust", "lea-valley-nhs-trust", "royal-docklands-nhs-trust"],
         shifts=["early_rota", "night", "day_early"], hours=[(30, 37.5), (30, 37.5), (16, 22.5)],
         wage=(12.45, 12.93), env=[2, 0, 1, 2, 2, 3, 3, 2], dem=[2, 2, 2, 2, 1, 2, 1, 1, 0, 1, 1, 1],
         bg=True,
         skip=r"paramedic|emergenc|vital|clinical|physical examination|injury|incident|anatomy|"
              r"immobilise|interventions|disorders"),
    dict(esco="sterile services technician", onet="31-9093.00", n=3,
         titles=["Sterile services assistant", "Decontamination assistant", "Sterile services technician"],
         employers=["royal-docklands-nhs-trust", "lea-valley-nhs-trust", "royal-docklands-nhs-trust"],
         shifts=["early", "late", "day_early"], hours=[(16, 22.5), (30, 37.5), (37.5, 37.5)],
         wage=(12.45, 13.4), env=[2, 0, 2, 2, 2, 0, 3, 4], dem=[1, 2, 1, 1, 2, 1, 1, 1, 1, 0, 1, 2],
         bg=True,
         skip=r"microscop|microbiology|informatics|e-procurement"),
    dict(esco="kitchen porter", onet="35-9021.00", n=3,
         titles=["Kitchen porter", "Kitchen porter (part time)", "Pot wash porter"],
         employers=["riverside-hotel-canary-wharf", "docklands-catering", "city-gate-hotel"],
         shifts=["hotel_late", "day_early", "late_rota"], hours=[(16, 24), (20, 30), (30, 40)],
         wage=(11.44, 12.2), env=[3, 0, 3, 3, 3, 0, 2, 3], dem=[2, 2, 1, 2, 1, 0, 2, 0, 0, 0, 0, 1],
         lic=[("food_hygiene_level_2", True)]),
    dict(esco="kitchen assistant", onet="35-2021.00", n=2,
         titles=["School kitchen assistant (term time)", "Ward kitchen assistant"],
         employers=["eastside-borough-council", "docklands-catering"],
         shifts=["school", "early_rota"], hours=[(15, 22.5), (20, 30)],
         wage=(11.6, 12.5), env=[2, 0, 3, 3, 3, 1, 3, 3], dem=[1, 2, 1, 1, 2, 0, 2, 1, 0, 1, 1, 1],
         lic=[("food_hygiene_level_2", True)], bg=True, skip=r"design|indicators"),
    dict(esco="linen room attendant", onet="51-6011.00", n=2,
         titles=["Linen room assistant", "Linen and uniform assistant"],
         employers=["royal-docklands-nhs-trust", "riverside-hotel-canary-wharf"],
         shifts=["day_early", "hotel_early"], hours=[(16, 25), (20, 30)],
         wage=(11.6, 12.45), env=[1, 0, 2, 1, 1, 1, 2, 4], dem=[1, 2, 1, 1, 1, 0, 1, 0, 1, 0, 0, 1]),
    dict(esco="laundry worker", onet="51-6011.00", n=2,
         titles=["Laundry operative", "Laundry operative (nights)"],
         employers=["capital-linen-services", "capital-linen-services"],
         shifts=["early", "night"], hours=[(37.5, 40), (30, 40)],
         wage=(11.44, 12.6), env=[3, 0, 3, 3, 2, 0, 2, 4], dem=[2, 2, 1, 2, 1, 0, 2, 0, 0, 0, 0, 1],
         skip=r"hides|leather|dye|tailor|textile fabric"),
    dict(esco="pharmacy assistant", onet="31-9095.00", n=2,
         titles=["Pharmacy stores assistant", "Pharmacy distribution assistant"],
         employers=["royal-docklands-nhs-trust", "thames-gateway-nhs-trust"],
         shifts=["day_early", "day"], hours=[(22.5, 30), (37.5, 37.5)],
         wage=(12.45, 13.4), env=[1, 0, 1, 2, 2, 1, 3, 3], dem=[1, 1, 1, 1, 1, 1, 1, 2, 1, 1, 1, 2],
         bg=True, skip=r"clinical|pharmaceutical advice|pharmaceutical chemistry|insurance|"
                          r"informed consent|emergenc|prescri|medical history|patients' needs|"
                          r"phyto|homeopath|"
                          r"pharmacokin|therapeutic|cash|policy makers"),
    dict(esco="medical records clerk", onet="43-4071.00", n=2,
         titles=["Medical records assistant", "Health records clerk"],
         employers=["lea-valley-nhs-trust", "royal-docklands-nhs-trust"],
         shifts=["day", "day_early"], hours=[(16, 22.5), (30, 37.5)],
         wage=(12.45, 13.0), env=[1, 0, 0, 1, 2, 0, 2, 4], dem=[1, 1, 1, 1, 1, 1, 1, 2, 1, 1, 1, 2],
         bg=True,
         skip=r"clinical|pharmacology|statistic|informatics|auditing|medical studies|laboratory"),
    dict(esco="food service worker", onet="35-3023.00", n=3,
         titles=["Ward hostess / host", "Hospital restaurant assistant", "Catering assistant"],
         employers=["docklands-catering", "docklands-catering", "eastside-borough-council"],
         shifts=["early_rota", "late", "school"], hours=[(20, 30), (16, 22.5), (15, 20)],
         wage=(11.5, 12.3), env=[2, 0, 2, 2, 2, 3, 3, 3], dem=[1, 2, 2, 1, 1, 1, 1, 1, 1, 1, 1, 1],
         lic=[("food_hygiene_level_2", True)], bg=True,
         skip=r"flights"),
    dict(esco="barista", onet="35-3023.01", n=2,
         titles=["Barista", "Trainee barista"],
         employers=["bean-and-brew-coffee", "bean-and-brew-coffee"],
         shifts=["cafe", "weekend"], hours=[(16, 30), (12, 16)],
         wage=(11.44, 12.5), env=[3, 0, 2, 3, 3, 4, 3, 2], dem=[0, 2, 1, 1, 2, 0, 2, 1, 1, 2, 1, 1],
         lic=[("food_hygiene_level_2", True)]),
    dict(esco="shelf filler", onet="53-7065.00", n=4,
         titles=["Shelf filler", "Night replenishment colleague", "Customer assistant (replenishment)",
                 "Shelf filler (early mornings)"],
         employers=["greenfield-supermarkets", "greenfield-supermarkets", "metro-foodstores",
                    "metro-foodstores"],
         shifts=["day_early", "night", "retail_mix", "early"], hours=[(16, 24), (30, 40), (12, 20),
                                                                     (10, 16)],
         wage=(11.44, 12.7), env=[2, 0, 1, 2, 2, 2, 2, 3], dem=[2, 2, 2, 2, 1, 1, 1, 1, 0, 1, 0, 1]),
    dict(esco="warehouse worker", onet="53-7062.00", n=3,
         titles=["Warehouse operative", "Goods in operative", "Warehouse operative (nights)"],
         employers=["eastway-logistics", "parcelpoint-distribution", "eastway-logistics"],
         shifts=["early", "day_early", "night"], hours=[(37.5, 45), (30, 40), (30, 40)],
         wage=(12.0, 14.5), env=[3, 1, 2, 3, 3, 0, 3, 3], dem=[2, 2, 2, 2, 1, 1, 2, 1, 1, 1, 1, 1],
         lic=[("forklift_licence", True)], skip=r"ship-to-shore|engineering"),
    dict(esco="warehouse order picker", onet="53-7065.00", n=2,
         titles=["Order picker", "Picker packer"],
         employers=["parcelpoint-distribution", "greenfield-supermarkets"],
         shifts=["late", "early_rota"], hours=[(30, 40), (20, 30)],
         wage=(12.0, 13.9), env=[3, 0, 2, 4, 4, 0, 2, 4], dem=[2, 2, 2, 2, 1, 2, 2, 1, 1, 0, 1, 2]),
    dict(esco="hand packer", onet="53-7064.00", n=3,
         titles=["Packing operative", "Hand packer", "Packing and assembly worker (workshop)"],
         employers=["parcelpoint-distribution", "eastway-logistics", "hackney-enterprise-workshop"],
         shifts=["day_early", "late", "workshop"], hours=[(20, 30), (30, 37.5), (10, 22)],
         wage=(11.44, 12.5), env=[2, 0, 1, 3, 3, 0, 2, 4], dem=[1, 2, 1, 1, 2, 0, 2, 0, 1, 0, 0, 1],
         skip=r"leather|timber|stone"),
    dict(esco="sales assistant", onet="41-2031.00", n=3,
         titles=["Sales assistant", "Sales assistant (weekends)", "Charity shop volunteer"],
         employers=["metro-foodstores", "greenfield-supermarkets", "hospice-charity-shops"],
         shifts=["retail_mix", "weekend", "volunteer"], hours=[(16, 25), (8, 16), (4, 8)],
         wage=(11.44, 12.2), env=[2, 0, 1, 2, 2, 4, 3, 2], dem=[1, 2, 1, 1, 1, 1, 1, 1, 1, 2, 1, 1]),
    dict(esco="cashier", onet="41-2011.00", n=2,
         titles=["Checkout assistant", "Customer service assistant (tills)"],
         employers=["greenfield-supermarkets", "metro-foodstores"],
         shifts=["late_rota", "retail_mix"], hours=[(16, 25), (12, 20)],
         wage=(11.44, 12.3), env=[2, 0, 1, 3, 3, 4, 2, 3], dem=[0, 2, 0, 1, 1, 0, 2, 1, 2, 2, 1, 2]),
    dict(esco="building cleaner", onet="37-2011.00", n=3,
         titles=["Office cleaner (evenings)", "Cleaning operative (early mornings)",
                 "Domestic assistant (hospital wards)"],
         employers=["brightway-facilities", "brightway-facilities", "royal-docklands-nhs-trust"],
         shifts=["evening_clean", "early_clean", "early_rota"], hours=[(10, 20), (10, 17.5),
                                                                       (22.5, 37.5)],
         wage=(11.44, 12.6), env=[1, 0, 1, 2, 1, 1, 1, 4], dem=[1, 2, 2, 2, 1, 1, 1, 0, 0, 0, 0, 1],
         skip=r"chimney|facade|rope|snow|pesticide|weed|procurement"),
    dict(esco="room attendant", onet="37-2012.00", n=2,
         titles=["Room attendant", "Housekeeping room attendant (weekends)"],
         employers=["riverside-hotel-canary-wharf", "city-gate-hotel"],
         shifts=["hotel_early", "weekend"], hours=[(20, 37.5), (8, 16)],
         wage=(11.44, 12.4), env=[1, 0, 2, 3, 3, 1, 2, 4], dem=[1, 2, 2, 2, 1, 1, 2, 0, 0, 0, 1, 1]),
    dict(esco="hotel porter", onet="39-6011.00", n=2,
         titles=["Hotel porter", "Concierge porter"],
         employers=["city-gate-hotel", "riverside-hotel-canary-wharf"],
         shifts=["hotel_early", "hotel_late"], hours=[(30, 40), (16, 32)],
         wage=(11.7, 12.8), env=[2, 1, 1, 2, 2, 4, 3, 2], dem=[2, 2, 2, 1, 1, 1, 1, 1, 0, 2, 1, 1],
         skip=r"drug abuse|marketing|sales strateg"),
    dict(esco="office clerk", onet="43-9061.00", n=2,
         titles=["Administrative assistant", "Office support assistant"],
         employers=["eastside-borough-council", "canary-mutual-insurance"],
         shifts=["day", "day"], hours=[(16, 22.5), (30, 37.5)],
         wage=(12.3, 14.2), env=[1, 0, 0, 1, 2, 1, 2, 3], dem=[0, 0, 0, 1, 1, 1, 1, 2, 1, 2, 1, 2]),
    dict(esco="mail clerk", onet="43-9051.00", n=2,
         titles=["Post room assistant", "Mailroom assistant"],
         employers=["royal-docklands-nhs-trust", "aldgate-legal-llp"],
         shifts=["day_early", "day"], hours=[(22.5, 30), (16, 25)],
         wage=(12.2, 13.6), env=[1, 0, 0, 2, 2, 1, 2, 4], dem=[1, 1, 2, 1, 1, 2, 1, 1, 0, 1, 1, 1],
         bg=True),
    dict(esco="data entry clerk", onet="43-9021.00", n=2,
         titles=["Data entry assistant", "Scanning and indexing assistant"],
         employers=["canary-mutual-insurance", "eastside-borough-council"],
         shifts=["day", "day"], hours=[(20, 30), (16, 22.5)],
         wage=(12.5, 14.0), env=[0, 0, 0, 2, 2, 0, 1, 4], dem=[0, 0, 0, 1, 2, 0, 2, 2, 1, 0, 1, 2],
         skip=r"query language|N1QL|LDAP|SPARQL|statistical|resource description|MDX|XQuery|"
              r"LINQ|SQL|Cypher|warehousing"),
    dict(esco="front line medical receptionist", onet="43-4171.00", n=2,
         titles=["GP practice receptionist", "Outpatients reception assistant"],
         employers=["highway-medical-practice", "thames-gateway-nhs-trust"],
         shifts=["day_early", "day"], hours=[(16, 24), (22.5, 30)],
         wage=(12.45, 13.6), env=[2, 0, 0, 3, 3, 4, 2, 2], dem=[0, 1, 0, 1, 1, 0, 2, 2, 1, 2, 2, 2],
         bg=True,
         skip=r"manage healthcare staff|medical studies|insurance"),
    dict(esco="care at home worker", onet="31-1122.00", n=2,
         titles=["Home care worker", "Care assistant (care home)"],
         employers=["homecare-east", "bow-care-home"],
         shifts=["care_split", "early_rota"], hours=[(16, 30), (24, 37.5)],
         wage=(12.2, 13.5), env=[1, 1, 1, 2, 3, 3, 2, 2], dem=[2, 2, 2, 2, 1, 2, 1, 1, 1, 2, 1, 2],
         bg=True, lic=[("care_certificate", True)],
         skip=r"social justice|counselling|medic|prescri|abuse|legislation|social change|"
              r"socially just"),
    dict(esco="healthcare assistant", onet="31-1131.00", n=1,
         titles=["Healthcare support worker (bank)"],
         employers=["lea-valley-nhs-trust"],
         shifts=["early_rota"], hours=[(11.5, 37.5)],
         wage=(12.45, 13.0), env=[2, 0, 1, 3, 3, 3, 4, 2], dem=[2, 2, 2, 2, 1, 1, 2, 1, 1, 2, 1, 2],
         bg=True, lic=[("care_certificate", True)],
         skip=r"informed consent"),
    dict(esco="landscape gardener", onet="37-3011.00", n=2,
         titles=["Gardener", "Grounds maintenance operative"],
         employers=["greenwich-parks-trust", "eastside-borough-council"],
         shifts=["day_early", "day_early"], hours=[(30, 37.5), (16, 30)],
         wage=(12.0, 13.8), env=[2, 4, 3, 2, 1, 1, 2, 2], dem=[2, 1, 2, 2, 1, 1, 1, 0, 0, 1, 1, 1],
         skip=r"agricultural staff|green roof|design|budget|plans|farming|agronomy|crop|construction"),
    dict(esco="garden labourer", onet="37-3011.00", n=2,
         titles=["Parks assistant", "Garden labourer (seasonal)"],
         employers=["eastside-borough-council", "greenwich-parks-trust"],
         shifts=["day_early", "day"], hours=[(20, 30), (30, 37.5)],
         wage=(11.6, 12.5), env=[2, 4, 3, 2, 1, 1, 3, 3], dem=[2, 1, 2, 2, 1, 1, 1, 0, 0, 0, 0, 1]),
    dict(esco="car and van delivery driver", onet="53-3033.00", n=2,
         titles=["Home delivery driver", "Van driver"],
         employers=["greenfield-supermarkets", "parcelpoint-distribution"],
         shifts=["late_rota", "early"], hours=[(20, 37.5), (37.5, 45)],
         wage=(12.8, 15.0), env=[2, 2, 2, 3, 4, 3, 0, 2], dem=[2, 1, 2, 2, 1, 2, 2, 1, 1, 1, 1, 2],
         lic=[("driving_licence_b", False)]),
    dict(esco="forklift operator", onet="53-7051.00", n=1,
         titles=["Forklift driver (training given)"],
         employers=["eastway-logistics"],
         shifts=["late"], hours=[(37.5, 45)],
         wage=(13.5, 15.0), env=[3, 1, 2, 2, 3, 0, 2, 3], dem=[0, 1, 1, 1, 2, 2, 1, 1, 0, 1, 1, 2],
         lic=[("forklift_licence", True)]),
    dict(esco="vehicle cleaner", onet="53-7061.00", n=1,
         titles=["Car valeter"],
         employers=["sparkle-hand-car-wash"],
         shifts=["cafe"], hours=[(24, 40)],
         wage=(11.44, 11.9), env=[3, 4, 3, 3, 3, 2, 3, 3], dem=[1, 2, 2, 2, 1, 0, 2, 0, 0, 0, 0, 1]),
    dict(esco="library assistant", onet="43-4121.00", n=1,
         titles=["Library assistant"],
         employers=["eastside-borough-council"],
         shifts=["retail_mix"], hours=[(16, 22.5)],
         wage=(12.3, 13.2), env=[0, 0, 0, 1, 1, 3, 2, 3], dem=[1, 1, 1, 1, 1, 1, 1, 2, 1, 2, 1, 1],
         skip=r"semantic trees|classification systems|funding"),
    dict(esco="recycling worker", onet="53-7081.00", n=1,
         titles=["Recycling sorter"],
         employers=["eastside-recycling"],
         shifts=["early"], hours=[(37.5, 40)],
         wage=(11.8, 12.6), env=[4, 2, 3, 3, 2, 0, 3, 4], dem=[2, 2, 1, 2, 1, 0, 2, 0, 0, 0, 0, 2],
         skip=r"laboratory"),
    dict(esco="waiter/waitress", onet="35-3031.00", n=1,
         titles=["Breakfast waiter / waitress"],
         employers=["city-gate-hotel"],
         shifts=["hotel_early"], hours=[(16, 25)],
         wage=(11.44, 11.9), env=[3, 0, 1, 3, 3, 4, 4, 2], dem=[1, 2, 2, 2, 2, 1, 2, 1, 1, 2, 2, 1],
         lic=[("food_hygiene_level_2", True)],
         skip=r"alcoholic|wine|cocktail|beer|spirits|flamb"),
]

# ESCO skills left out of every sample (they do not fit an entry-level job in London).
GLOBAL_SKIP = r"foreign language|research"

# Offers by employer kind (a job draws a subset).
KIND_OFFERS = {
    "nhs": ["mentor", "buddy", "supportive_coworkers", "access_to_work", "adjusted_training",
            "modified_schedule", "reassignment", "physical_accessibility", "equipment",
            "job_restructuring"],
    "catering": ["buddy", "supportive_coworkers", "access_to_work", "modified_schedule",
                 "adjusted_training"],
    "retail": ["buddy", "supportive_coworkers", "modified_schedule", "access_to_work",
               "job_restructuring", "adjusted_training"],
    "hotel": ["buddy", "mentor", "modified_schedule", "access_to_work", "adjusted_training"],
    "logistics": ["buddy", "equipment", "access_to_work", "adjusted_training", "supportive_coworkers"],
    "council": ["mentor", "supportive_coworkers", "access_to_work", "modified_schedule",
                "equipment", "physical_accessibility", "readers_interpreters", "adjusted_training",
                "job_restructuring", "reassignment"],
    "office": ["mentor", "equipment", "modified_schedule", "access_to_work",
               "physical_accessibility", "readers_interpreters", "adjusted_training"],
    "cleaning": ["buddy", "modified_schedule", "access_to_work", "job_restructuring"],
    "laundry": ["buddy", "supportive_coworkers", "access_to_work", "equipment"],
    "hospitality": ["buddy", "supportive_coworkers", "adjusted_training", "modified_schedule"],
    "care": ["mentor", "buddy", "adjusted_training", "access_to_work", "modified_schedule"],
    "gardening": ["buddy", "supportive_coworkers", "equipment", "access_to_work",
                  "job_restructuring"],
    "sheltered": ["mentor", "buddy", "supportive_coworkers", "equipment", "job_restructuring",
                  "modified_schedule", "adjusted_training", "funded_support",
                  "physical_accessibility"],
    "charity": ["mentor", "buddy", "supportive_coworkers", "modified_schedule",
                "physical_accessibility"],
}

# Employers with an embedded (follow-on) job coach on site, as in the Barts Health case study.
COACH_ON_SITE = {"royal-docklands-nhs-trust", "hackney-enterprise-workshop"}


# --------------------------------------------------------------------------------------------
def read_esco(data):
    base = os.path.join(data, "esco-v1.1.1")
    occs = {}
    with open(os.path.join(base, "occupations_en.csv"), encoding="utf-8", newline="") as f:
        for r in csv.DictReader(f):
            occs[r["preferredLabel"].strip()] = {
                "uri": r["conceptUri"], "isco": r["iscoGroup"].strip(), "code": r["code"].strip()}
    skills = {}
    with open(os.path.join(base, "skills_en.csv"), encoding="utf-8", newline="") as f:
        for r in csv.DictReader(f):
            skills[r["conceptUri"]] = r["preferredLabel"].strip()
    wanted = {o["uri"] for o in occs.values()}
    rels = collections.defaultdict(lambda: {"essential": [], "optional": []})
    with open(os.path.join(base, "occupationSkillRelations.csv"), encoding="utf-8",
              newline="") as f:
        for r in csv.DictReader(f):
            if r["occupationUri"] in wanted and r["skillUri"] in skills:
                rels[r["occupationUri"]][r["relationType"]].append(r["skillUri"])
    return occs, skills, rels


def read_tsv(path):
    with open(path, encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f, delimiter="\t"))


def read_onet(data):
    base = os.path.join(data, "onet-29.2")
    titles = {r["O*NET-SOC Code"]: r["Title"] for r in read_tsv(os.path.join(base, "Occupation Data.txt"))}
    interests = collections.defaultdict(dict)
    codes = collections.defaultdict(dict)
    names = {"Realistic": "R", "Investigative": "I", "Artistic": "A", "Social": "S",
             "Enterprising": "E", "Conventional": "C"}
    for r in read_tsv(os.path.join(base, "Interests.txt")):
        if r["Scale ID"] == "OI":
            interests[r["O*NET-SOC Code"]][names[r["Element Name"]]] = float(r["Data Value"])
        elif r["Scale ID"] == "IH":
            codes[r["O*NET-SOC Code"]][r["Element ID"]] = int(float(r["Data Value"]))
    vnames = {"Achievement": "achievement", "Working Conditions": "working_conditions",
              "Recognition": "recognition", "Relationships": "relationships",
              "Support": "support", "Independence": "independence"}
    values = collections.defaultdict(dict)
    for r in read_tsv(os.path.join(base, "Work Values.txt")):
        if r["Scale ID"] == "EX":
            values[r["O*NET-SOC Code"]][vnames[r["Element Name"]]] = float(r["Data Value"])
    zones = {r["O*NET-SOC Code"]: int(r["Job Zone"]) for r in read_tsv(os.path.join(base, "Job Zones.txt"))}
    return titles, interests, codes, values, zones


def riasec_code(ih):
    letters = []
    for key in ("1.B.1.g", "1.B.1.h", "1.B.1.i"):
        v = ih.get(key, 0)
        if 1 <= v <= 6 and RIASEC[v - 1] not in letters:
            letters.append(RIASEC[v - 1])
    return "".join(letters)


def r2(x):
    return round(x + 0.0, 2)


def jitter(rng, area, spread=0.006):
    lat, lon = AREAS[area]
    return round(lat + rng.uniform(-spread, spread), 4), round(lon + rng.uniform(-spread, spread), 4)


def clip(v, lo, hi):
    return max(lo, min(hi, v))


def skill_levels(rng, zone):
    return {1: (1, 2), 2: (1, 3), 3: (2, 4)}.get(zone, (1, 3))


# --------------------------------------------------------------------------------------------
def make_jobs(rng, esco, onet):
    occs, skills, rels = esco
    titles, interests, codes, values, zones = onet
    jobs = []
    occ_info = {}  # esco label -> occupation object (reused by candidates)
    n = 0
    for spec in OCCUPATIONS:
        label = spec["esco"]
        if label not in occs:
            sys.exit("ESCO occupation not found: %r" % label)
        o = occs[label]
        soc = spec["onet"]
        if soc not in titles:
            sys.exit("O*NET-SOC code not found: %r" % soc)
        occupation = {"label": label, "esco": o["uri"], "isco": o["code"], "onet": soc}
        occ_info[label] = occupation
        skip = re.compile("|".join(filter(None, (GLOBAL_SKIP, spec.get("skip")))), re.I)
        ess = [u for u in rels[o["uri"]]["essential"] if not skip.search(skills[u])]
        opt = [u for u in rels[o["uri"]]["optional"] if not skip.search(skills[u])]
        zone = zones.get(soc)
        for k in range(spec["n"]):
            n += 1
            employer = spec["employers"][k]
            kind, sites = EMPLOYERS[employer]
            area = sites[rng.randrange(len(sites))]
            lat, lon = jitter(rng, area)
            title = spec["titles"][k]
            shift = spec["shifts"][k]
            hmin, hmax = spec["hours"][k]
            sheltered = kind == "sheltered"
            volunteer = kind == "charity"
            job = {"id": "j-%03d" % n, "employer": employer, "title": title,
                   "occupation": dict(occupation)}
            if zone is not None:
                job["job_zone"] = zone
            job["competitive"] = not (sheltered or volunteer)
            job["integrated"] = not sheltered
            if volunteer:
                job["wage"] = 0
            elif sheltered:
                job["wage"] = 4.5  # therapeutic earnings, below the minimum wage
            else:
                lo, hi = spec["wage"]
                job["wage"] = r2(rng.uniform(lo, hi)) if lo < hi else lo
            job["hours"] = {"min": hmin, "max": hmax}
            job["schedule"] = json.loads(json.dumps(SHIFTS[shift]))
            if shift == "school":
                job["months_per_year"] = 10
            elif "seasonal" in title:
                job["months_per_year"] = 8
            elif rng.random() < 0.85:
                job["months_per_year"] = 12
            loc = {"lat": lat, "lon": lon, "area": area}
            if kind == "logistics" and area in ("Beckton", "Dagenham") and rng.random() < 0.7:
                loc["public_transport"] = False
            elif rng.random() < 0.9:
                loc["public_transport"] = True
            r = rng.random()
            if kind in ("nhs", "council", "office", "sheltered") or r < 0.5:
                loc["accessible"] = True
            elif r < 0.75:
                loc["accessible"] = False
            job["location"] = loc
            env = {}
            for d, v in zip(ENV_DIMS, spec["env"]):
                if rng.random() < 0.08:
                    continue  # not observed in the job analysis
                if rng.random() < 0.25:
                    v = clip(v + rng.choice((-1, 1)), 0, 4)
                env[d] = v
            if shift in ("night",):
                env["public_contact"] = 0
            job["environment"] = env
            if soc in interests and not volunteer:
                ri = {c: interests[soc][c] for c in RIASEC}
                code = riasec_code(codes.get(soc, {}))
                if code:
                    ri["code"] = code
                job["interests"] = ri
            if soc in values and not volunteer:
                job["work_values"] = {v: values[soc][v] for v in VALUES}
            lo, hi = skill_levels(rng, zone)
            js = []
            ne = min(len(ess), rng.randint(4, 8))
            no = min(len(opt), rng.randint(2, 5))
            for uri in rng.sample(ess, ne):
                js.append(skill_entry(rng, uri, skills[uri], True, lo, hi, spec))
            for uri in rng.sample(opt, no):
                js.append(skill_entry(rng, uri, skills[uri], False, lo, hi, spec))
            job["skills"] = js
            legal = {}
            lic = spec.get("lic", [])
            if lic:
                legal["licences"] = [{"id": i, "obtainable": ob} for i, ob in lic]
            if not volunteer:
                legal["right_to_work"] = True
            if spec.get("bg"):
                legal["background_check"] = True
            if legal:
                job["legal"] = legal
            dem = {}
            for d, v in zip(FUNC_DIMS, spec["dem"]):
                if v == 0 and rng.random() < 0.5:
                    continue
                if rng.random() < 0.1:
                    continue
                dem[d] = v
            job["demands"] = dem
            r = rng.random()
            if r < 0.08 and kind not in ("nhs", "sheltered"):
                pass  # supports not analysed: unknown
            else:
                pool = KIND_OFFERS[kind]
                if r < 0.14 and kind not in ("nhs", "sheltered", "charity"):
                    offers = []  # analysed: the employer offers nothing in particular
                else:
                    offers = sorted(rng.sample(pool, rng.randint(2, min(6, len(pool)))),
                                    key=OFFERS.index)
                sup = {"offers": offers}
                if employer in COACH_ON_SITE or rng.random() < 0.15:
                    sup["job_coach_on_site"] = True
                elif kind in ("logistics",) and rng.random() < 0.5:
                    sup["job_coach_on_site"] = False
                sup["training_weeks"] = rng.choice((1, 1, 2, 2, 3, 4, 6)) if zone != 3 else 6
                job["supports"] = sup
            jobs.append(job)
    return jobs, occ_info


def skill_entry(rng, uri, label, essential, lo, hi, spec):
    s = {"id": uri, "label": label, "essential": essential, "level": rng.randint(lo, hi)}
    r = rng.random()
    if re.search(r"drive|traffic|operate forklift", label, re.I) and \
            spec["esco"] == "car and van delivery driver":
        s["trainable"] = False
    elif r < 0.75:
        s["trainable"] = True
    elif r < 0.85:
        s["trainable"] = False
    # else: unknown (counts as trainable)
    return s


# --------------------------------------------------------------------------------------------
# Candidates: hand-written archetypes (what matters for the example), details drawn at random.
# want/avoid/history name ESCO occupations by preferredLabel; "@isco:NNNN" gives a bare ISCO code,
# "@onet:CODE" a bare O*NET-SOC code.
AVAIL = {
    "weekdays": days(WEEKDAYS, ["08:00-18:00"]),
    "weekday_mornings": days(WEEKDAYS, ["06:00-13:00"]),
    "school_hours": days(WEEKDAYS, ["09:30-14:30"]),
    "any_day": days(DAYS, ["06:00-22:00"]),
    "anytime": days(DAYS, ["00:00-24:00"]),
    "evenings_weekends": dict(days(WEEKDAYS, ["17:00-23:00"]), **days(["sat", "sun"], ["07:00-23:00"])),
    "three_days": {"mon": ["08:00-16:00"], "wed": ["08:00-16:00"], "fri": ["08:00-16:00"]},
    "not_mornings": days(DAYS, ["11:00-23:30"]),
    "nights": days(["sun", "mon", "tue", "wed", "thu", "fri"], ["21:00-07:00"]),
    "weekends": days(["sat", "sun"], ["07:00-20:00"]),
}

ARCHETYPES = [
    # 1: Project SEARCH graduate who liked the hospital rotation; embedded coach matters.
    dict(want=[("hospital porter", 1.0), ("sterile services technician", 0.8)],
         hist=[("hospital porter", 9, True, "contract_ended")], area="Whitechapel",
         hours=(16, 22.5, 30, False), avail="any_day", modes=["walk", "public_transport"], commute=45,
         needs=[("on_site_job_coaching", "medium", True), ("written_visual_instructions", "low", False),
                ("travel_training", "low", False)],
         abil={"lifting": 2, "walking": 2, "reading": 1, "orienting": 1}, bg=True),
    # 2: wants sterile services; a firm 16-hour limit; benefits stay (16 h, earnings limit).
    dict(want=[("sterile services technician", 1.0)], hist=[("linen room attendant", 14, True, "quit")],
         area="Mile End", hours=(8, 14, 16, True), avail="weekdays", modes=["public_transport"],
         commute=40, benefits=dict(max_hours_per_week=16, max_earnings=183.5, period="week",
                                   goal="stay", firm=False),
         needs=[("structured_task_instruction", "medium", True), ("benefits_counselling", "low", False)],
         env={"noise": (None, 3, "medium"), "routine": (3, None, "high")}),
    # 3: avoids cleaning (bad experience), wants retail; cleaner roles must be excluded.
    dict(want=[("sales assistant", 1.0), ("shelf filler", 0.7)], avoid=["@isco:9112:cleaner"],
         hist=[("building cleaner", 5, False, "quit"), ("shop assistant", 11, True, "contract_ended")],
         area="Stratford", hours=(16, 20, 30, False), avail="any_day",
         modes=["walk", "public_transport"], commute=50, wage=(11.44, False)),
    # 4: public contact at most 1 is a must (a deal-breaker); quiet back-of-house work.
    dict(want=[("data entry clerk", 1.0), ("medical records clerk", 0.9), ("@isco:4415:file clerk", 0.6)],
         hist=[("office clerk", 6, None, "other")], area="Bethnal Green",
         hours=(16, 20, 25, False), avail="weekdays", modes=["public_transport", "walk"], commute=40,
         env={"public_contact": (None, 1, "must"), "noise": (None, 1, "high"),
              "routine": (3, None, "medium")},
         needs=[("quiet_workspace", "medium", True), ("supervisor_checkins", "low", False),
                ("communication_support", "low", False)],
         values={"independence": 4, "working_conditions": 4, "relationships": 2}, note_need=3),
    # 5: noise at most 1, importance high (not a must); sensory adjustments.
    dict(want=[("library assistant", 1.0), ("mail clerk", 0.8)], hist=[], area="Hackney",
         hours=(12, 16, 20, False), avail="weekdays", modes=["walk", "cycle"], commute=30,
         env={"noise": (None, 1, "high"), "pace": (None, 2, "medium")},
         needs=[("sensory_adjustments", "medium", True), ("quiet_workspace", "medium", False)],
         skills_none=True),
    # 6: short commute: walks only, 20 minutes at most.
    dict(want=[("kitchen porter", 1.0), ("kitchen assistant", 0.8)],
         hist=[("kitchen porter", 18, True, "laid_off")], area="Canary Wharf",
         hours=(20, 30, 37.5, False), avail="any_day", modes=["walk"], commute=20,
         licences=["food_hygiene_level_2"], needs=[("help_with_travel", "low", False)]),
    # 7: warehouse nights wanted; drives; firm wage floor.
    dict(want=[("warehouse worker", 1.0), ("warehouse order picker", 0.8), ("forklift operator", 0.6)],
         hist=[("warehouse order picker", 24, True, "contract_ended")], area="Barking",
         hours=(30, 37.5, 45, False), avail="anytime", modes=["car", "public_transport"], commute=35,
         wage=(12.5, True), licences=["driving_licence_b", "forklift_licence"],
         needs=[], exit_benefits=True),
    # 8: wheelchair user, office work, physical access essential.
    dict(want=[("office clerk", 1.0), ("receptionist", 0.7), ("data entry clerk", 0.7)],
         hist=[("data entry clerk", 20, True, "contract_ended")], area="Islington",
         hours=(22.5, 30, 37.5, False), avail="weekdays", modes=["wheelchair", "public_transport"],
         commute=60, needs=[("physical_access", "high", True), ("adapted_equipment", "medium", True),
                            ("assistive_technology", "low", False)],
         abil={"lifting": 0, "standing": 0, "walking": 0, "dexterity": 2, "reading": 2,
               "numeracy": 2, "communication": 2}),
    # 9: wants gardening outdoors; dislikes indoor routine.
    dict(want=[("landscape gardener", 1.0), ("garden labourer", 1.0)],
         hist=[("garden labourer", 7, True, "contract_ended")], area="Woolwich",
         hours=(20, 30, 37.5, False), avail="weekdays", modes=["cycle", "public_transport"], commute=45,
         env={"outdoor": (2, None, "high"), "public_contact": (None, 2, "low")},
         needs=[("structured_task_instruction", "low", False)]),
    # 10: barista / cafe; evenings and weekends only (college in the week).
    dict(want=[("barista", 1.0), ("food service worker", 0.6)], hist=[], area="Shoreditch",
         hours=(8, 12, 16, False), avail="evenings_weekends", modes=["walk", "public_transport", "cycle"],
         commute=40, needs=[("extra_training_time", "medium", False), ("mentor_or_buddy", "low", False)],
         skills_none=True),
    # 11: no right to work yet (awaiting status): only the volunteer role is open.
    dict(want=[("sales assistant", 1.0), ("kitchen assistant", 0.6)], hist=[], area="East Ham",
         hours=(8, 16, 24, False), avail="weekdays", modes=["public_transport", "walk"], commute=45,
         rtw=False, needs=[("communication_support", "medium", True)]),
    # 12: avoids kitchen porter (exact ESCO URI) but wants catering front of house.
    dict(want=[("food service worker", 1.0), ("waiter/waitress", 0.7)], avoid=["kitchen porter"],
         hist=[("kitchen porter", 4, False, "quit"), ("food service worker", 10, True, "ongoing")],
         area="Homerton", hours=(16, 22.5, 30, False), avail="any_day", modes=["walk", "public_transport"],
         commute=40, licences=["food_hygiene_level_2"], bg=True),
    # 13: care work wanted, DBS clear, driving licence, many hours.
    dict(want=[("care at home worker", 1.0), ("healthcare assistant", 0.9)],
         hist=[("care at home worker", 30, True, "quit")], area="Walthamstow",
         hours=(24, 30, 40, False), avail="any_day", modes=["car", "public_transport", "walk"],
         commute=45, licences=["driving_licence_b", "care_certificate"], bg=True,
         needs=[("time_off_for_appointments", "low", False)], exit_benefits=True),
    # 14: the FORMAT.md example person (one-candidate.json): porter, fixed days, firm 12..20 hours.
    dict(want=[("hospital porter", 1.0), ("sterile services technician", 0.8)], avoid=["@isco:9112:cleaner"],
         hist=[("kitchen porter", 8, False, "quit")], area="Whitechapel",
         hours=(12, 16, 20, True), avail="three_days", modes=["walk", "public_transport"], commute=45,
         wage=(11.44, False), env={"noise": (None, 2, "high"), "public_contact": (None, 1, "must"),
                                   "routine": (3, None, "medium")},
         interests={"R": 5.0, "I": 2.0, "A": 1.5, "S": 4.0, "E": 1.5, "C": 4.5},
         values={"relationships": 5, "support": 4, "achievement": 2}, licences=["driving_licence_b"],
         bg=True, abil={"lifting": 2, "standing": 1, "reading": 0},
         needs=[("structured_task_instruction", "medium", True), ("quiet_workspace", "low", False)],
         benefits=dict(max_hours_per_week=16, max_earnings=183, period="week", goal="stay", firm=False)),
    # 15: nights only (available only at night).
    dict(want=[("shelf filler", 1.0), ("laundry worker", 0.7), ("warehouse worker", 0.7)],
         hist=[("shelf filler", 12, True, "contract_ended")], area="Leyton",
         hours=(20, 30, 40, False), avail="nights", modes=["car", "public_transport"], commute=40),
    # 16: school-hours parent, term-time work wanted; a firm weekly earnings limit (benefits).
    dict(want=[("kitchen assistant", 1.0), ("food service worker", 0.8), ("@isco:9412:kitchen helper", 0.5)],
         hist=[("kitchen assistant", 15, True, "quit")], area="Poplar",
         hours=(10, 15, 20, True), avail="school_hours", modes=["walk", "public_transport"], commute=30,
         licences=["food_hygiene_level_2"], bg=True,
         benefits=dict(max_earnings=195.5, period="week", goal="stay", firm=True)),
    # 17: wants something not on the list (animal care); everything else is partial at best.
    dict(want=[("animal care attendant", 1.0), ("@onet:37-3011.00", 0.5)], hist=[],
         area="Forest Gate", hours=(16, 24, 30, False), avail="weekdays",
         modes=["public_transport", "cycle"], commute=50, skills_none=True,
         needs=[("reduced_hours_phased_start", "medium", False), ("mentor_or_buddy", "medium", False)]),
    # 18: little known yet: only an id, a wish and a home area (unknown data everywhere else).
    dict(want=[("hand packer", 1.0)], hist=None, area="Dalston", minimal=True),
    # 19: high support: sheltered workshop leaver wanting a real job; job carving, coach on site.
    dict(want=[("hand packer", 1.0), ("warehouse order picker", 0.5)],
         hist=[("hand packer", 48, True, "ongoing")], area="Hackney",
         hours=(10, 16, 22.5, False), avail="weekdays", modes=["public_transport", "lift"], commute=45,
         needs=[("on_site_job_coaching", "high", True), ("job_carving", "high", True),
                ("structured_task_instruction", "high", True), ("travel_training", "medium", True),
                ("supervisor_checkins", "medium", False)],
         abil={"reading": 0, "numeracy": 0, "communication": 1, "memory": 0, "work_rate": 1,
               "dexterity": 2, "lifting": 1},
         benefits=dict(max_hours_per_week=16, max_earnings=183.5, period="week", goal="undecided")),
    # 20: receptionist wanted, loves public contact.
    dict(want=[("front line medical receptionist", 1.0), ("receptionist", 1.0),
               ("hotel porter", 0.4)],
         hist=[("hospitality establishment receptionist", 16, True, "contract_ended")],
         area="Ilford", hours=(20, 25, 30, False), avail="weekdays",
         modes=["public_transport", "walk"], commute=50, env={"public_contact": (3, None, "medium")},
         bg=True, needs=[("time_off_for_appointments", "medium", True)]),
    # 21: delivery driver wish without a licence (a legal essential that is not obtainable on the job).
    dict(want=[("car and van delivery driver", 1.0), ("warehouse worker", 0.6)],
         hist=[("warehouse worker", 10, None, "dismissed")], area="Canning Town",
         hours=(30, 37.5, 45, False), avail="anytime", modes=["public_transport", "cycle"],
         commute=40, licences=[], wage=(12.5, False)),
    # 22: hotel housekeeping, weekends; avoids anything night.
    dict(want=[("room attendant", 1.0), ("hotel porter", 0.7), ("linen room attendant", 0.7)],
         hist=[("room attendant", 20, True, "laid_off")], area="Limehouse",
         hours=(8, 16, 24, False), avail="weekends", modes=["walk", "public_transport"], commute=35),
    # 23: back to work after a long gap, phased start, values support.
    dict(want=[("mail clerk", 1.0), ("office clerk", 0.8), ("library assistant", 0.7)],
         hist=[("mail clerk", 36, True, "laid_off")], area="Aldgate",
         hours=(12, 16, 22.5, False), avail="weekdays", modes=["walk", "public_transport"],
         commute=30, needs=[("reduced_hours_phased_start", "medium", True),
                            ("flexible_schedule", "medium", False), ("mentor_or_buddy", "low", False)],
         values={"support": 5, "relationships": 4, "working_conditions": 4, "achievement": 2}),
    # 24: BSL user: communication support (interpreter) essential.
    dict(want=[("sterile services technician", 1.0), ("laundry worker", 0.8), ("data entry clerk", 0.6)],
         hist=[("laundry worker", 26, True, "contract_ended")], area="Plaistow",
         hours=(30, 37.5, 37.5, False), avail="weekdays", modes=["public_transport"], commute=45,
         needs=[("communication_support", "high", True), ("written_visual_instructions", "medium", True)],
         abil={"communication": 0}, bg=True, exit_benefits=True),
    # 25: cashier wanted; numeracy good; firm wage floor above many offers.
    dict(want=[("cashier", 1.0), ("sales assistant", 0.8)], avoid=["shelf filler"],
         hist=[("cashier", 22, True, "quit")], area="Walthamstow",
         hours=(16, 25, 30, False), avail="any_day", modes=["walk", "public_transport"], commute=40,
         wage=(12.2, True)),
    # 26: recycling / outdoor manual; noise is fine.
    dict(want=[("recycling worker", 1.0), ("vehicle cleaner", 0.8), ("@isco:9333:freight handler", 0.5)],
         hist=[("vehicle cleaner", 9, None, "quit")], area="Custom House",
         hours=(30, 37.5, 40, False), avail="any_day", modes=["cycle", "public_transport"], commute=40,
         env={"outdoor": (1, None, "low")}),
    # 27: avoids care work (did not like it); wants pharmacy stores (health setting, no patients).
    dict(want=[("pharmacy assistant", 1.0), ("medical records clerk", 0.6)],
         avoid=["care at home worker", "healthcare assistant"],
         hist=[("care at home worker", 28, False, "quit")], area="Ilford",
         hours=(22.5, 30, 37.5, False), avail="weekdays", modes=["public_transport", "car"], commute=45,
         licences=["driving_licence_b"], bg=True),
    # 28: strong routine preference; low time pressure is a must.
    dict(want=[("warehouse order picker", 0.7), ("hand packer", 0.8), ("medical records clerk", 1.0)],
         hist=[], area="Bow", hours=(16, 22.5, 30, False), avail="weekdays",
         modes=["walk", "public_transport"], commute=40,
         env={"time_pressure": (None, 2, "must"), "routine": (3, None, "high"),
              "noise": (None, 2, "medium")},
         needs=[("written_visual_instructions", "medium", True),
                ("structured_task_instruction", "medium", True), ("quiet_workspace", "low", False)],
         interests_code="RC", skills_none=True),
    # 29: kitchen porter experience, anytime, little English: buddy and visual instructions.
    dict(want=[("kitchen porter", 1.0), ("@isco:9412", 0.8)], hist=[("kitchen porter", 14, True, "quit")],
         area="Stratford", hours=(20, 30, 40, False), avail="anytime",
         modes=["public_transport", "walk"], commute=50,
         needs=[("communication_support", "medium", False), ("written_visual_instructions", "low", False)],
         abil={"reading": 0, "communication": 1}),
    # 30: wants hotel portering, undecided about benefits; earnings limit per month.
    dict(want=[("hotel porter", 1.0), ("hospital porter", 0.8)],
         hist=[("hotel porter", 5, True, "contract_ended")], area="City of London",
         hours=(12, 20, 30, False), avail="any_day", modes=["walk", "public_transport"], commute=45,
         benefits=dict(max_earnings=795, period="month", goal="undecided", firm=False),
         needs=[("benefits_counselling", "medium", True)]),
]


def occ_ref(name, esco, onet, occ_info):
    """An occupation object for a candidate: from the sample's occupations or straight from ESCO."""
    occs, _, _ = esco
    titles = onet[0]
    if name.startswith("@isco:"):
        parts = name[6:].split(":", 1)
        return {"label": parts[1], "isco": parts[0]} if len(parts) == 2 else {"isco": parts[0]}
    if name.startswith("@onet:"):
        code = name[6:]
        return {"label": titles[code].lower(), "onet": code}
    if name in occ_info:
        o = occ_info[name]
        return {"label": o["label"], "esco": o["esco"], "isco": o["isco"]}
    if name not in occs:
        sys.exit("ESCO occupation not found: %r" % name)
    o = occs[name]
    return {"label": name, "esco": o["uri"], "isco": o["code"]}


def make_candidates(rng, esco, onet, occ_info):
    occs, skills, rels = esco
    _, interests, _, _, _ = onet
    out = []
    for i, a in enumerate(ARCHETYPES, start=1):
        c = {"id": "c-%03d" % i}
        pref = {}
        wanted = []
        for name, w in a["want"]:
            o = occ_ref(name, esco, onet, occ_info)
            # vary the code forms: some people's workers record only the ISCO code, some the URI
            if rng.random() < 0.25 and "esco" in o:
                del o["esco"]
            elif rng.random() < 0.2 and "isco" in o and "esco" in o:
                del o["isco"]
            if w != 1.0:
                o["weight"] = w
            wanted.append(o)
        jt = {"wanted": wanted}
        if a.get("avoid"):
            jt["avoided"] = [occ_ref(n, esco, onet, occ_info) for n in a["avoid"]]
        pref["job_types"] = jt
        area = a["area"]
        lat, lon = jitter(rng, area, 0.008)
        if a.get("minimal"):
            pref["location"] = {"area": area}
            c["preferences"] = pref
            out.append(c)
            continue
        hmin, hideal, hmax, firm = a["hours"]
        hours = {"min": hmin, "max": hmax}
        if rng.random() < 0.8 or i == 14:
            hours = {"min": hmin, "ideal": hideal, "max": hmax}
        hours["firm"] = firm
        pref["hours"] = hours
        if a.get("avail") and not (i % 9 == 0):
            pref["availability"] = json.loads(json.dumps(AVAIL[a["avail"]]))
        pref["location"] = {"lat": lat, "lon": lon, "area": area}
        pref["commute"] = {"modes": a["modes"], "max_minutes": a["commute"]}
        if "wage" in a:
            pref["wage"] = {"floor": a["wage"][0], "firm": a["wage"][1]}
        elif rng.random() < 0.6:
            pref["wage"] = {"floor": 11.44, "firm": False}
        if a.get("env"):
            env = {}
            for d, (mn, mx, imp) in a["env"].items():
                t = {}
                if mn is not None:
                    t["min"] = mn
                if mx is not None:
                    t["max"] = mx
                t["importance"] = imp
                env[d] = t
            pref["environment"] = env
        # interests: explicit, a code only, drawn near the first wanted occupation's profile, or unknown
        if "interests" in a:
            pref["interests"] = a["interests"]
        elif "interests_code" in a:
            pref["interests"] = {"code": a["interests_code"]}
        elif rng.random() < 0.75:
            first = a["want"][0][0]
            soc = None
            for spec in OCCUPATIONS:
                if spec["esco"] == first:
                    soc = spec["onet"]
            if soc is None:
                soc = {"animal care attendant": "39-2021.00"}.get(first)
            if soc and soc in interests:
                pref["interests"] = {
                    L: round(clip(interests[soc][L] + rng.uniform(-1.5, 1.5), 1.0, 7.0), 1)
                    for L in RIASEC}
        if "values" in a:
            pref["work_values"] = a["values"]
        elif rng.random() < 0.6:
            chosen = rng.sample(VALUES, rng.randint(2, 5))
            pref["work_values"] = {v: rng.randint(1, 5) for v in VALUES if v in chosen}
        c["preferences"] = pref
        # skills from the occupations of the work history
        hist = a.get("hist") or []
        if not a.get("skills_none"):
            sk = []
            seen = set()
            for name, months, _, _ in hist:
                o = occs[name]
                pool = rels[o["uri"]]["essential"] + rels[o["uri"]]["optional"][:4]
                skip = next((sp.get("skip") for sp in OCCUPATIONS if sp["esco"] == name), None)
                skip = "|".join(filter(None, (GLOBAL_SKIP, skip)))
                pool = [u for u in pool if not re.search(skip, skills[u], re.I)]
                k = min(len(pool), rng.randint(2, 6))
                for uri in rng.sample(pool, k):
                    if uri in seen:
                        continue
                    seen.add(uri)
                    lvl = clip(1 + months // 12 + rng.randint(0, 1), 1, 4)
                    sk.append({"id": uri, "label": skills[uri], "level": lvl})
            if sk or rng.random() < 0.5:
                c["skills"] = sk  # an empty list is data: no recorded skills
        if "licences" in a:
            c["licences"] = a["licences"]
        elif rng.random() < 0.3:
            c["licences"] = []
        if "rtw" in a:
            c["right_to_work"] = a["rtw"]
        elif rng.random() < 0.85:
            c["right_to_work"] = True
        if "bg" in a:
            c["background_check"] = a["bg"]
        if "abil" in a:
            c["abilities"] = a["abil"]
        elif rng.random() < 0.5:
            dims = rng.sample(FUNC_DIMS, rng.randint(3, 7))
            c["abilities"] = {d: rng.choice((1, 2, 2, 2)) for d in FUNC_DIMS if d in dims}
        if "needs" in a:
            needs = []
            for k, (t, inten, ess) in enumerate(a["needs"]):
                n = {"type": t, "intensity": inten, "essential": ess}
                if a.get("note_need") == k + 1:
                    n["note"] = "prefers written lists"
                needs.append(n)
            c["support_needs"] = needs
        if "benefits" in a:
            c["benefits"] = a["benefits"]
        elif a.get("exit_benefits"):
            c["benefits"] = {"goal": "exit"}
        if hist:
            c["work_history"] = [
                dict([("job_type", occ_ref(name, esco, onet, occ_info)), ("months", months)]
                     + ([("liked", liked)] if liked is not None else []) + [("ended", ended)])
                for name, months, liked, ended in hist]
        elif a.get("hist") == [] and rng.random() < 0.5:
            c["work_history"] = []
        out.append(c)
    return out


# --------------------------------------------------------------------------------------------
def pretty(obj, indent=0, col=0, width=100):
    """JSON indented by two spaces; an object or array that fits on its line (from column col) stays
    on one line."""
    flat = json.dumps(obj, ensure_ascii=False, separators=(", ", ": "))
    if not isinstance(obj, (dict, list)) or not obj or (indent and col + len(flat) <= width):
        return flat
    pad = " " * (indent + 2)
    if isinstance(obj, dict):
        items = []
        for k, v in obj.items():
            head = "%s%s: " % (pad, json.dumps(k, ensure_ascii=False))
            items.append(head + pretty(v, indent + 2, len(head) + 1, width))
        return "{\n" + ",\n".join(items) + "\n" + " " * indent + "}"
    items = [pad + pretty(v, indent + 2, len(pad) + 1, width) for v in obj]
    return "[\n" + ",\n".join(items) + "\n" + " " * indent + "]"


def dump(path, obj):
    with open(path, "w", encoding="utf-8") as f:
        f.write(pretty(obj) + "\n")


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[1])
    ap.add_argument("--data", default=DEFAULT_DATA, help="folder with esco-v1.1.1/ and onet-29.2/")
    ap.add_argument("--out", default=HERE, help="output folder")
    args = ap.parse_args()
    if not os.path.isdir(os.path.join(args.data, "esco-v1.1.1")):
        sys.exit("no ESCO data in %s (use --data)" % args.data)
    rng = random.Random(2026)
    esco = read_esco(args.data)
    onet = read_onet(args.data)
    jobs, occ_info = make_jobs(rng, esco, onet)
    cands = make_candidates(rng, esco, onet, occ_info)

    dump(os.path.join(args.out, "jobs.json"), {"schema": SCHEMA, "jobs": jobs})
    dump(os.path.join(args.out, "candidates.json"), {"schema": SCHEMA, "candidates": cands})
    with open(os.path.join(args.out, "candidates.jsonl"), "w", encoding="utf-8") as f:
        for c in cands:
            rec = dict([("schema", SCHEMA), ("type", "candidate")] + list(c.items()))
            f.write(json.dumps(rec, ensure_ascii=False, separators=(",", ":")) + "\n")
    one_c = next(c for c in cands if c["id"] == "c-014")
    one_j = next(j for j in jobs if j["title"] == "Sterile services assistant")
    dump(os.path.join(args.out, "one-candidate.json"),
         dict([("schema", SCHEMA), ("type", "candidate")] + list(one_c.items())))
    dump(os.path.join(args.out, "one-job.json"),
         dict([("schema", SCHEMA), ("type", "job")] + list(one_j.items())))
    print("%d jobs from %d occupations, %d candidates" % (
        len(jobs), len({j["occupation"]["esco"] for j in jobs}), len(cands)))


if __name__ == "__main__":
    main()
