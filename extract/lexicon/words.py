"""Trigger words in one table: roles, negation, hedging and relation cues, English and Chinese.

Values are regular-expression alternatives (no capture groups); English ones are matched
case-insensitively on word boundaries by ``cue()``.
"""

from __future__ import annotations

import re
from functools import cache

DEGREES_EN = r"Ph\.?\s?D\.?|M\.?D\.?|M\.?B\.?A\.?|D\.?Phil\.?|Pharm\.?D\.?|FRCP|FACP"  # "Rachel Kim, Ph.D., CEO"
PERSON_TITLES_EN = r"Professor|Prof\.?|Dr\.?|Doctor|Academician|Assoc\.\s+Prof\.?|Associate\s+Professor"
ROLES_EN = (
    r"(?:associate\s+|assistant\s+|full\s+|adjunct\s+|clinical\s+)?professor|director|deputy\s+director|"
    r"chief\s+physician|chief\s+scientist|chief\s+scientific\s+officer|chief\s+medical\s+officer|chief\s+executive|"
    r"chairman|deputy\s+chairman|chair|president|vice\s+president|founder|co-founder|ceo|cso|cmo|cto|head|dean|"
    r"principal\s+investigator|lead\s+investigator|investigator|researcher|associate\s+researcher|scientist|"
    r"physician|oncologist|hematologist|surgeon|doctor\s+of\s+\w+|postdoctoral\s+fellow|lead\s+author|"
    r"first\s+author|senior\s+author|corresponding\s+author|member|expert"
)
ROLES_ZH = (
    r"首席科学家|首席执行官|首席医学官|主任医师|副主任医师|主治医师|副教授|教授|研究员|副研究员|院士|博士|"
    r"主任|副主任|院长|副院长|所长|副所长|董事长|总经理|总裁|创始人|联合创始人|负责人|主席|副主席|会长|"
    r"理事长|专家|医生|团队负责人|课题组长|博导|PI"
)
NOT_PEOPLE = frozenset(
    {
        "hong kong",
        "xi an",
        "he nan",
        "he bei",
        "hu nan",
        "hu bei",
        "shan xi",
        "guang dong",
        "jiang su",
        "zhe jiang",
        "fu jian",
        "yun nan",
        "gui zhou",
        "si chuan",
        "tian jin",
    }
)

NEGATION_EN = r"not|no|never|did\s+not|does\s+not|do\s+not|failed\s+to|without|neither|nor|cannot|n't"
NEGATION_ZH = r"未|没有|并非|不是|不能|无法|尚未|并未|不"
CONTRAST_EN = r"but|however|whereas|while|although|though|yet|rather\s+than|unlike"
CONTRAST_ZH = r"但|但是|然而|而非|不过|却"
LIST_OPENER = r"^(?:these|they|such\s+(?:therapies|approaches|products))\s+(?:include|includes|included|are)\b|^examples\s+include\b|^(?:其中)?包括|^如"
HEDGE_EN = (
    r"may|might|could|potentially|possibly|likely|promise\s+to|promising|hope|hopes|expected\s+to|"
    r"plans?\s+to|planned|aims?\s+to|suggests?|preclinical|would"
)
HEDGE_ZH = r"有望|或将|可能|或为|也许|预计|计划|拟|潜在|有助于|或可"

DEVELOP_EN = (
    r"develop(?:s|ed|ing)?|development\s+of|engineer(?:s|ed|ing)?|design(?:s|ed)?|creat(?:e|es|ed|ing)|"
    r"invent(?:s|ed)?|discover(?:s|ed|y)?|unveil(?:s|ed)?|produc(?:e|es|ed)|manufactur(?:e|es|ed)|"
    r"establish(?:es|ed)?|pioneer(?:s|ed)|launch(?:es|ed)?|contributions?|built|generat(?:e|es|ed)|"
    r"report(?:s|ed)?\s+an?\s+(?:new|novel)|prepar(?:e|es|ed|ing)|expand(?:s|ed)?\s+and\s+\w+"
)
DEVELOP_ZH = (
    r"开发|研发|研制|研究出|推出|发现|构建|打造|设计|创建|制备|生产|发布|揭示|突破|报道了一种|报告了一种|提出了一种"
)
TARGET_EN = (
    r"target(?:s|ed|ing)?|directed\s+(?:against|at)|against|knock(?:s|ed)?[\s-]out|knockout|delet(?:e|es|ed|ion)|"
    r"(?<=-)directed|overexpress(?:es|ed|ing|ion)?|express(?:es|ed|ing)|armou?red\s+with|engineered\s+(?:to|with)|recogni[sz](?:e|es|ing)|"
    r"bind(?:s|ing)?|disrupt(?:s|ed|ion)?|edit(?:s|ed|ing)?|match(?:ed|ing)?|secret(?:e|es|ing)|lack(?:s|ing)?"
)
TARGET_ZH = r"靶向|针对|敲除|过表达|表达|增强|识别|结合|编辑|匹配|修饰|分泌|携带|为靶点|靶点"
TREAT_EN = (
    r"treat(?:s|ed|ing|ment|ments)?|therap(?:y|ies)\s+(?:for|of|in)|for|against|in\s+patients\s+with|"
    r"patients\s+with|kill(?:s|ed|ing)?|eradicat(?:e|es|ed)|eliminat(?:e|es|ed)|cure[sd]?|remission|"
    r"efficacy|effective|approved|indicat(?:ed|ion)|anti-|fight(?:s|ing)?|combat|benefit|response|"
    r"(?:adults|children|people|subjects|those)\s+with|"
    r"tumou?r\s+regression|regressions?|extend(?:s|ed|ing)?|clear(?:s|ed|ance)?|prevent(?:s|ed|ion)?|aimed\s+at|with\s+\w+|"
    r"(?:tested|evaluated|studied|studying|explored|investigated|assessed)\s+(?:\w+\s+)?(?:in|against)|help(?:s|ed)?\s+patients"
)
TREAT_ZH = (
    r"治疗|防治|疗效|清除|杀伤|缓解|复发率|获批|适应症|用于|针对|对抗|治愈|效果|新路径|"
    r"模型中|安全性|抑制|有望|潜力|抗肿瘤|抗癌|探索|评估|中开展|中的应用|入组"
)
TRIAL_SITE_EN = (
    r"conduct(?:ed|s|ing)?|sites?|at|in\s+collaboration\s+with|collaborat(?:e|ed|ing|ion)\s+with|cooperat(?:e|ed|ing)\s+with|"
    r"sponsored\s+by|led\s+by|run\s+by|with|enrolled\s+at|partner(?:ed|ing)?\s+with"
)
TRIAL_SITE_ZH = r"在|于|联合|合作|牵头|开展|启动|主导|发起"
# a future study named by phase only: "warrants a phase II study", "to open a phase 2 study", "将…开展I/II期"
PLANNED_TRIAL_EN = (
    r"(?<![A-Za-z])(?:warrants?|to\s+(?:open|launch|start|begin|initiate)|will\s+(?:open|launch|start|begin|initiate)|"
    r"plans?\s+(?:to\s+\w+\s+)?|planned|upcoming|next)\s+(?:an?\s+|the\s+)?[^.;]{0,25}$"
)
PLANNED_TRIAL_ZH = r"(?:将|拟|计划|即将|准备)[^。；]{0,30}(?:开展|启动|进行|推进)?$"
# an adverse-event disease (GVHD) named as a risk, not as what the therapy or trial is for
RISK_BEFORE = (
    r"(?:risk|incidence|rate|cases?|episodes?|signs?)\s+of\s+(?:\w+\s+)?$|(?:without|no|avoid(?:s|ing)?|reduc(?:e|es|ing)|"
    r"lower(?:s|ing)?|caus(?:e|es|ing)|developed|grade\s*\w+)\s+(?:\w+\s+){0,2}$|(?:降低|避免|减少|无|未发生|未出现|引起|导致)[^，。]{0,6}$"
)
RISK_AFTER = r"^[^.。,，;；]{0,12}?(?:风险|发生率|occurred|risk|was\s+observed|were\s+observed)"
OUTCOME_EN = (
    r"overall\s+response|response\s+rate|ORR|complete\s+(?:remission|response)|enrolled|among\s+\d+\s+patients|"
    r"\d+\s+patients\s+with|median\s+(?:overall|progression-free)\s+survival"
)
OUTCOME_ZH = r"缓解率|完全缓解|入组|例患者|客观缓解|中位(?:总)?生存"
COLLAB_EN = (
    r"joint(?:ly)?|in\s+collaboration\s+with|collaborat(?:e|ed|es|ing|ion)|cooperat(?:e|ed|es|ing|ion)|"
    r"partner(?:ship|ed|s)?\s+with|together\s+with|teamed\s+up\s+with|alliance"
)
COLLAB_ZH = r"联合|合作|携手|共同|协作"
COLLAB_WITH_EN = (
    r"together\s+with|in\s+(?:partnership|collaboration|cooperation)\s+with|teamed\s+up\s+with|partnered\s+with"
)
COLLAB_WITH_ZH = r"(?:与|和|携手)(?=[^，。；]{2,40}?(?:合作|携手|联合|共同))"
TEAM_EN = r"(?:the|his|her|their|this|that|our)\s+(?:research\s+)?team|the\s+(?:research\s+)?group|the\s+center|the\s+centre|the\s+institute|the\s+hospital|the\s+company"
TEAM_ZH = r"该团队|研究团队|团队|课题组|研究组|该中心|该院|该公司"
# "the two institutions", "both companies", "两家机构", "双方": organisations counted back to the ones named before
COUNTED_ORGS_EN = (
    r"(?:the|these|those)\s+(?:two|three|four)\s+(?:institutions|organi[sz]ations|universities|companies|"
    r"hospitals|cent(?:er|re)s|partners|groups)|both\s+(?:institutions|organi[sz]ations|universities|companies|"
    r"hospitals|cent(?:er|re)s|partners|groups)"
)
COUNTED_ORGS_ZH = r"(?:两|三|双)(?:家|个)?(?:机构|单位|公司|医院|团队)|双方"
# the therapy named before the Chinese development verb: "专注于X的研发", "X是我们与Y共同开发的产品", "X由Y自主研发"
DEVELOP_AFTER_ZH = r"(?:的(?:研发|开发|研制)|(?:共同|联合|自主)?(?:研发|开发|研制)的(?:产品|疗法|药物|候选|细胞))"
# a company announcing its own product list: "provided an update on its pipeline", "公司产品管线"
PIPELINE_EN = r"(?:update\s+on|progress\s+(?:in|across)|highlights?\s+(?:of|from))\s+(?:its|our)\s+(?:product\s+|clinical\s+)?pipeline"
PIPELINE_ZH = r"(?:公司|其|我们的)(?:产品|研发)管线"
# the person leading a named study: "the study's principal investigator", "牵头研究者", "主要研究者"
PRINCIPAL_INVESTIGATOR = r"principal\s+investigator|lead\s+investigator|牵头研究者|主要研究者"
THERAPY_ANAPHORA_EN = (
    r"(?:this|the|these|the\s+same|such)\s+(?:therapy|approach|method|treatment|cell\s+therapy|product|cells|"
    r"candidate|infusion)"
)
THERAPY_ANAPHORA_ZH = r"该疗法|这种疗法|该方法|该技术|此疗法|该产品"
THERAPY_CUE = (
    r"therap(?:y|ies)|treatment|infusion|infused|immunotherap(?:y|ies)|adoptive|engineered|疗法|治疗|输注|回输|免疫治疗"
)


@cache
def cue(pattern: str, lang: str = "en") -> re.Pattern[str]:
    """Compile a trigger alternative: word-bounded and case-insensitive for English."""
    if lang == "zh":
        return re.compile(f"(?:{pattern})")
    return re.compile(rf"(?<![A-Za-z])(?:{pattern})(?![A-Za-z])", re.IGNORECASE)
