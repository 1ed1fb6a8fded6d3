"""Personal data with no checksum, recognised by the words around it: a residential address, a
person's diagnosis or illness, the name of a natural person other than the party.

These rules read normalised text (normalise.py) and are judged on a labelled set they were not
tuned on (tests/data/free_text_labelled.yml, bench/free_text_bench.py). They are right most of
the time, not always: what they find is masked and reported as a warning, and a clerk who has
checked a find can say so in the record (`not_personal_data`), where a reviewer sees it.

- An address: the parts that locate a home — building (3栋, 5号楼, B座), unit (2单元), room (501室)
  and, in villages, the group and house number (3组25号) — two of them together, or one right after
  the name of a residential compound or village (明珠小区7栋, 东街社区4组). A bureau's 302室 or a
  shop's 12号 alone is none. The numbers are masked; the compound's name stays.
- Health: what follows 诊断为, 确诊为, 患有, 罹患, 既往史, 病历显示 …, or comes before 病史 (有…病史),
  up to the end of the clause. 病历书写不规范 and 诊断标准 describe an institution, not a person.
- A name: a surname and one or two given characters right after a role word (证人, 患者, 参保人,
  家属, 员工, 举报人 …), and the names listed after it (证人：林芳、马小军). 某, 某某, 甲乙丙 and ×
  are how decisions already write such names (证人欧阳某丙): none of those is a find. The name is
  masked as its surname and 某某.
"""

from __future__ import annotations

import re

from .finds import Find

HEALTH_NOTICE = "[健康信息，依法不予公开]"

# --- addresses ---------------------------------------------------------------------------------
_NUM = r"(?:[0-9]{1,5}|[一二三四五六七八九十]{1,3})"
_BUILDING = rf"(?P<building>(?:{_NUM}|[A-Za-z])(?:号楼|栋|幢|座))"
_UNIT = rf"(?P<unit>{_NUM}单元)"
_ROOM = rf"(?P<room>{_NUM}(?:室|号房|户))"
_DOOR = rf"(?P<door>{_NUM}号?)(?![0-9号楼栋幢座单元室组社])"   # a bare number after a unit: 3单元402
_GROUP = rf"(?P<group>{_NUM}(?:组|社))"
_HOUSE = rf"(?P<house>{_NUM}号)(?![楼院])"
ADDRESS = re.compile(
    rf"(?<![0-9A-Za-z一二三四五六七八九十第])(?:{_BUILDING}(?:{_UNIT})?(?:{_ROOM}|{_DOOR})?"
    rf"|{_UNIT.replace('unit', 'unit2')}(?:{_ROOM.replace('room', 'room2')}|{_DOOR.replace('door', 'door2')})"
    rf"|{_GROUP}(?:{_HOUSE})?"
    rf"|{_ROOM.replace('room', 'room3')})")
# Names of where people live, just before the first part (期 and 区 of a compound allowed between).
RESIDENCE = re.compile(r"(?:小区|花园|家园|公寓|嘉园|山庄|苑|新村|村|社区|宿舍|大院|家属院|府)"
                       r"(?:[一二三四五六七八九十0-9]{1,2}期|[A-Za-z0-9]{1,2}区)?$")
# Where an address can be: a number and a part's word. Found first, since the address pattern is
# slow to try at every character.
ADDRESS_PART = re.compile(r"[0-9A-Za-z一二三四五六七八九十](?:号楼|栋|幢|座|单元|室|号房|户|组|社)")
_DIGITS_IN_ADDRESS = re.compile(r"[0-9A-Za-z一二三四五六七八九十]")

# --- health --------------------------------------------------------------------------------------
HEALTH = re.compile(
    r"(?:(?:诊断|确诊)(?:为|是|[:：])|患有|罹患|身患|患上|既往史[:：]?|既往有|"
    r"病历(?:显示|记载|记录)(?:其|患者)?(?:为|患有|[:：])?)[ ]?(?P<phrase>[^\s，。；;,、（()）\[\]【】:：!！?？\"“”]{2,40})")
# The words HEALTH starts with, as plain words: found first, since a pattern that starts with a group is
# tried at every character.
HEALTH_TRIGGER = re.compile("诊断为|诊断是|诊断:|诊断：|确诊为|确诊是|确诊:|确诊：|患有|罹患|身患|患上|既往史|既往有|病历显示|病历记载|病历记录")
# 有…病史, read back from 病史 (有 alone is too common a word to start a pattern at).
HISTORY = re.compile(r"有(?P<history>[^\s，。；;,、（()）\[\]【】:：!！?？\"“”有]{2,20}?病史)")
# Where an illness's name ends inside a clause: 诊断为普通感冒的患者, 尿毒症长期透析.
HEALTH_ENDS = re.compile(r"的|并|且|长期|接受|期间|住院|入院|就诊|由|在|后|等|多年|已|曾")

# --- names ----------------------------------------------------------------------------------------
ROLES = ("参保人员", "参保职工", "参保群众", "参保人", "住院患者", "门诊患者", "就诊患者", "就诊人员", "就诊人", "患者",
         "病人", "病患", "证人", "家属", "亲属", "监护人", "员工", "职工", "工作人员", "收费员", "医生", "医师", "护士",
         "药师", "举报人", "投诉人", "受害人", "被冒用人", "持卡人", "冒名人", "代办人", "陪护人员")
COMPOUND_SURNAMES = ("欧阳", "司马", "诸葛", "上官", "东方", "皇甫", "慕容", "令狐", "夏侯", "尉迟", "公孙", "长孙",
                     "宇文", "司徒", "端木", "独孤", "南宫", "西门", "轩辕", "呼延", "钟离", "澹台", "万俟", "闻人",
                     "赫连", "申屠", "太史", "濮阳", "公冶", "宗政", "仲孙", "单于")
# Common surnames, without those that are everyday words too (和, 都, 由, 全, 时 …).
SURNAMES = ("王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘蒋蔡余杜叶程苏魏吕丁任沈姚卢"
            "姜崔钟谭陆汪范金石廖贾夏韦付傅方白邹孟熊秦邱江尹薛闫阎段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔汤向常温康施"
            "文牛樊葛邢安齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿关兰焦俞左柳甘祝包宁尚符舒阮柯纪梅童凌毕季裴霍涂苗谷盛翁冉"
            "骆蓝蒙鲍华喻祁蒲房滕屈饶牟艾尤穆卓吉缪褚娄窦戚岑党宫卜冷晏席卫米柏宗瞿桂佟臧闵苟邬卞姬仇栾隋刁沙荣巫寇桑"
            "郎甄丛仲虞敖巩佘麻迟邝鞠荆冀郁胥栗燕楚鄢谌奚粟冼蔺阚屠朴廉禹祖漆卿狄芮扈晁阙戈邸雍辜裘亓邰赫杭况逯隆嵇湛"
            "戎茅揭檀昝尧")
# Given names do not start with these; a second character among NAME_ENDS ends a one-character name.
NOT_GIVEN = set("的了是为在于和与及等均都已未因将被把对向从自到由以可应不无有经共计各每人次年月日时内外上下中后前该其本此所"
                "称说证承反签认表示确知同属之也并且或又还再就才只亦即系员工者们方面部分数名个位项件份元号")
NAME_ENDS = set("称说证承反签认表示确知的在于和与及等是为对向从已未因将被把也并且或又还再就才只亦即系之")
PSEUDONYM = set("某XxＸ×*＊○〇甲乙丙丁戊己庚辛壬癸")
ROLE = re.compile("(?:" + "|".join(sorted(ROLES, key=len, reverse=True)) + ")(?:[ ]?[:：][ ]?|为|是|[ ])?")
NAME_LIST = re.compile(r"[ ]?[、，,和及与][ ]?")
HAN = re.compile(r"[\u4e00-\u9fff]")


def free_text_finds(text: str) -> list[Find]:
    """Every address, health phrase and other person's name in normalised `text`."""
    return _addresses(text) + _health(text) + _names(text)


def _addresses(text: str) -> list[Find]:
    finds, searched_to = [], 0
    for part in ADDRESS_PART.finditer(text):
        if part.start() < searched_to:
            continue
        match = ADDRESS.search(text, max(searched_to, part.start() - 6), part.end() + 30)
        searched_to = part.end()
        if match is None or match.start() > part.start():
            continue
        searched_to = match.end()
        parts = sum(1 for value in match.groupdict().values() if value)
        before = text[max(0, match.start() - 12):match.start()]
        if parts < 2 and not RESIDENCE.search(before):
            continue
        typed = match.group()
        finds.append(Find("address", match.start(), match.end(), _DIGITS_IN_ADDRESS.sub("*", typed), typed))
    return finds


def _health(text: str) -> list[Find]:
    finds = []
    for trigger in HEALTH_TRIGGER.finditer(text):
        match = HEALTH.match(text, trigger.start())
        if match is None:
            continue
        end = HEALTH_ENDS.search(match.group("phrase"), 2)
        finds += _health_find(match.start("phrase"), match.group("phrase")[:end.start()] if end else match.group("phrase"))
    for history in re.finditer("病史", text):
        match = None
        for match in HISTORY.finditer(text, max(0, history.start() - 22), history.end()):
            pass   # the nearest 有 before it
        if match is not None and match.end() == history.end():
            finds += _health_find(match.start("history"), match.group("history"))
    return finds


def _health_find(start: int, phrase: str) -> list[Find]:
    if len(phrase) < 2 or not HAN.search(phrase):
        return []
    return [Find("health", start, start + len(phrase), HEALTH_NOTICE, phrase)]


def _names(text: str) -> list[Find]:
    finds = []
    for role in ROLE.finditer(text):
        position = role.end()
        while True:
            name = _name_at(text, position)
            if name is None:
                break
            surname, end = name
            finds.append(Find("person_name", position, end, surname + "某某", text[position:end]))
            more = NAME_LIST.match(text, end)
            if not more:
                break
            position = more.end()
    return finds


def _name_at(text: str, start: int) -> tuple[str, int] | None:
    """(surname, end) of a real name starting at `start`, or None (a pseudonym, or no name)."""
    surname = next((s for s in COMPOUND_SURNAMES if text.startswith(s, start)), None)
    if surname is None:
        if start >= len(text) or text[start] not in SURNAMES:
            return None
        surname = text[start]
    given = text[start + len(surname):start + len(surname) + 2]
    if not given or any(c in PSEUDONYM for c in given):
        return None
    if not HAN.match(given[0]) or given[0] in NOT_GIVEN:
        return None
    length = 2 if len(given) == 2 and HAN.match(given[1]) and given[1] not in NAME_ENDS else 1
    return surname, start + len(surname) + length
