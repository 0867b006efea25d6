"""Does a message ask to carry on in English? ("¿Podemos seguir en inglés?", "换成英语吧，…")

A request is a short first clause (up to the first full stop, question mark, comma or line) that
names English and holds a word of asking: a verb of continuing, speaking, writing, answering or
changing in the forms used to ask ("seguir", "escríbeme", "répondez", "pisz", "devam"), or a
modal or politeness word ("podemos", "on peut", "ممكن", "porfa"). A reason may follow in
another clause ("…, c'est pour mon collègue"). A clause about someone else ("the man spoke
English", "il parle anglais"), a negation ("no hablo inglés") or a long account is no request.
Arabic names English with attached prefixes ("بالإنجليزي"); Chinese has no spaces, so its clause
is read by characters.
"""

from __future__ import annotations

from reading import regex
from reading.language.text import has_han, normalise

# The request is read in the clause's first REQUEST_WORDS words; a longer clause is an account.
REQUEST_WORDS = 8
CLAUSE_WORDS = 20
HAN_CLAUSE_LETTERS = 16
# "英语", "用英文": the name alone is a request too.
HAN_NAME_LETTERS = 4
_CLAUSE_END = regex.compile(r"[.?!,;:\n。？！，；：、؟،\p{So}]+")
_ENGLISH_NAME = regex.compile(
    r"^(?:english|eng|ingles|inglese|anglais|engleza|angielsku|angielski|ingilizce|ingilizceye"
    r"|ইংরেজি|ইংরেজিতে|ইংলিশে|ইংলিশ|engraji|ingreji|ingriji|inglish"
    r"|(?:و|ف)?(?:ب|ل)?(?:ال)?(?:انجليزي|انكليزي|انقليزي)(?:ه|يه)?)$"
)
_ASKING = frozenset(
    normalise(w)
    for w in (
        # English: verbs only, since "please", "can" and "write" also ask for help with English
        # ("can you check my english homework"); the short requests are read in choice.py
        "speak talk answer reply respond continue carry switch"
        # Spanish
        " seguir sigamos sigue continuar continuemos continua escribe escribeme escríbeme escribime escribir "
        "escribenos habla hablame háblame hablar hable hablemos responde respondeme respóndeme responder "
        "contesta contestame contestar cambiar cambia cambiamos cambiemos pasar pasamos pasemos podemos puedes "
        "puede podrias podrías podria podría porfa porfavor favor mejor"
        # French
        " continuer continuons continue parler parlez parle écrire ecrire écrivez ecrivez écris ecris "
        "écrivez-moi répondre repondre répondez repondez réponds reponds passer passons changer peut pouvez "
        "peux pourriez pourrais svp stp plait plaît"
        # Italian
        " continuare continuiamo parlare parla parli parliamo scrivere scrivimi scrivi scriva scrivermi "
        "rispondere rispondi rispondimi risponda rispondermi passare passiamo cambiare cambiamo possiamo puoi "
        "può potresti potete potrebbe"
        # Portuguese
        " continuar continuamos continua falar fale fala falamos escrever escreva escreve escrevam responder "
        "responda responde mudar mudamos passar passamos pode podemos podes poderia prefiro"
        # Romanian
        " continua continuăm continuam vorbi vorbim vorbiți vorbiti vorbeste vorbește scrie scrieți scrieti "
        "scrieţi răspunde raspunde răspundeți raspundeti putem puteți puteti poti poți rog treci trecem "
        "schimba schimbăm schimbam"
        # Polish
        " pisz pisać pisac napisz piszcie mów mow mowic mówić mówmy odpowiadaj odpowiedz odpowiadać "
        "odpowiadac przejść przejsc przejdźmy przejdzmy kontynuować kontynuowac kontynuujmy możemy mozemy "
        "możesz mozesz może moze proszę prosze zmień zmien"
        # Turkish
        " yaz yazar yazın yazin yazabilir konuş konus konuşalım konusalim konuşabilir konusabilir konuşun "
        "konusun devam cevap yanıt yanit geçelim gecelim geçebilir gecebilir lütfen lutfen misin misiniz miyiz musun "
        "edebilir edelim"
        # Arabic (and as typed in Latin letters)
        " ممكن نكمل كمل تكمل كملي تكلم تكلمني اتكلم تحكي احكي نحكي تحدث نتحدث تحدثني اكتب اكتبلي اكتبي "
        "رد ردوا جاوب جاوبني سمحت فضلك بليز حول نحول mumkin momken mumken t7ki e7ki ehki nkamel nkammil "
        "kamel kammil ektebli ekteb"
        # Bengali (and as typed in Latin letters)
        " বলুন বলেন বলা বলবেন বলো লিখুন লিখবেন লেখেন লিখেন কথা চালিয়ে উত্তর যাবে পারবেন পারেন প্লিজ "
        "bolen bolun bolo bolte lekhen likhen likhun kotha parben paren jabe"
    ).split()
)
_PLEASE = frozenset("in only please pls plz plis thanks thx".split())
# A clause about someone else, or saying one does not speak it, is no request.
_NOT_ASKING = frozenset(
    normalise(w)
    for w in (
        "i my he she they his her him man woman guy not dont don't doesnt cant cannot never "
        "él ella ellos hombre tipo no nunca il elle ils lui homme femme pas ne jamais "
        "lei lui uomo donna non ele ela eles homem mulher não nao ea bărbat barbat femeie nu "
        "ona oni facet mężczyzna mezczyzna nie adam kadın kadin değil degil "
        "si police policia polizia policja polis شرطه পুলিশ هو هي رجل لا مش ما সে লোকটা না"
    ).split()
)
# French "s'il vous plaît" holds "il" (he), which is no account of someone else here.
_POLITE = regex.compile(r" s il (?:vous|te) plait ")
_HAN_ENGLISH = regex.compile("英语|英文")
_HAN_ASKING = regex.compile("请|可以|可不可以|能不能|能否|能|换|改|继续|麻烦|吧|吗|用英|说|讲|回复|回答|写")
_HAN_NOT_ASKING = regex.compile("他|她|不会|不懂英|听不懂英")


def leading_clauses(text: str | None) -> list[str]:
    """The message's first two clauses (split at clause-ending marks); a reason may come first."""
    return [clause for clause in _CLAUSE_END.split(text or "") if clause.strip()][:2]


def asks_for_english(text: str | None) -> bool:
    """One of the message's first two clauses asks to carry on in English (see the docstring)."""
    return any(_clause_asks(clause) for clause in leading_clauses(text))


def _clause_asks(clause: str) -> bool:
    if has_han(clause):
        letters = "".join(clause.split())
        return (
            len(letters) <= HAN_CLAUSE_LETTERS
            and _HAN_ENGLISH.search(letters) is not None
            and (_HAN_ASKING.search(letters) is not None or len(letters) <= HAN_NAME_LETTERS)
            and _HAN_NOT_ASKING.search(letters) is None
        )
    words = normalise(clause)
    tokens = _POLITE.sub(" plait ", f" {words} ").split()[:REQUEST_WORDS]
    named = any(_ENGLISH_NAME.match(t) for t in tokens)
    if named and all(_ENGLISH_NAME.match(t) or t in _PLEASE for t in tokens):
        return True  # "english pls, il mio italiano è arrugginito"
    return (
        0 < len(words.split()) <= CLAUSE_WORDS
        and named
        and any(t in _ASKING for t in tokens)
        and not any(t in _NOT_ASKING for t in tokens)
    )
