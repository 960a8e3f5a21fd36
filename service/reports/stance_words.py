"""The words an actor-stance map reads, in Arabic, English, French and Russian.

Most cues are the antonym groups the judge already knows (support/oppose,
attend/boycott, sign/refuse to sign in ``claims/lexicon_antonyms.py``);
this module adds what the judge does not need but a stance map does: "is
committed to" the truce, and the words that say a sentence is about the
truce or its talks at all (syntax of the aliases: ``claims/lexicons.py``).
"""

from __future__ import annotations

from service.claims.lexicon_antonyms import ANTONYM_POLES, Pole
from service.claims.lexicons import Term

# The judge's poles that are an actor's stance, and the stance each says.
STANCE_OF_POLE = {
    "support": "supports", "oppose": "rejects",
    "sign": "signed", "refuse_sign": "rejects",
    "attend": "took_part", "boycott": "stayed_away",
}
# What a stance says when a negation stands just before its cue ("did not sign").
NEGATED_STANCE = {
    "supports": "rejects", "rejects": "supports", "signed": "not_signed",
    "took_part": "stayed_away", "stayed_away": "took_part",
}
# Stances that cannot both be true of one actor at one time.
OPPOSED_STANCES = (("supports", "rejects"), ("signed", "not_signed"), ("took_part", "stayed_away"))
STANCE_WORDS = {
    "supports": "supports", "rejects": "rejects", "signed": "signed", "not_signed": "did not sign",
    "took_part": "took part", "stayed_away": "stayed away",
}

STANCE_POLES = tuple(p for p in ANTONYM_POLES if p.pole in STANCE_OF_POLE)

# Commitment to the truce reads as support; "committed" alone is also "committed violations".
COMMITMENT = Pole("support", "stance", "support", "لتزم-|التزام|ملتزم|ملتزمة|ملتزمون|ملتزمين|committed to|commits to"
                  "|commit to|abide by|abides by|abided by|will respect|s'engage à|s'engagent à|s'est engagé à"
                  "|respectera|respecteront|соблюдать|будет соблюдать|привержен*", form="noun")

# A stance counts only in a sentence about the truce or its talks. Bare "agreement", "meeting" or
# "conference" are left out on purpose: news is full of trade deals and club meetings.
TRUCE_TOPIC = (
    Term("truce", "topic", "هدنة|هدنه|وقف إطلاق النار|وقف اطلاق النار|وقف لإطلاق النار|وقف لاطلاق النار|وقف النار"
         "|وقف القتال|وقف الأعمال القتالية|وقف العمليات القتالية|ceasefire|cease-fire|truce|cessation of hostilities"
         "|cessez-le-feu|trêve|перемири*|прекращени* огня|режим тишины|прекращени* боевых действий", form="noun"),
    Term("talks", "topic", "محادثات|مفاوضات|مباحثات|مشاورات|محادثات السلام|مفاوضات السلام|أستانة|استانة|إستانا|أستانا"
         "|peace talks|talks|negotiation*|Astana|pourparlers|négociation*|переговор*|Астан*", form="noun"),
)

# Words the stance cues catch by accident: توقع ("expect") shares its letters with وقع ("sign").
NOT_STANCE = frozenset("توقع توقعت يتوقع تتوقع متوقع المتوقع توقعات وتوقعت ويتوقع".split())
# A cue right after these is passive ("تم توقيع ثلاث وثائق", "was signed"): its actor is not named.
PASSIVE_MARKERS = frozenset("تم جرى يتم سيتم was were been being été".split())
# Before a place, these make it a location ("في سوريا"), not an actor.
PREPOSITIONS = frozenset("في فى من الى إلى الي على عن مع بين in at from to into on with between en à dans "
                         "de в во на из с между".split())
