namespace Dssm.Research.Data;

/// <summary>
/// The hand-written lexicon behind <see cref="SyntheticClicks"/>. Each domain has slot values (a
/// destination, a dish, a condition...) and intents; every intent and every slot value has
/// <b>query-side</b> surface forms (how people type) and <b>document-side</b> forms (how pages are
/// written), chosen to share no word — "cheap flights to paris" against "low-cost airfare for a trip to
/// the french capital" — with morphological cousins ("rent"/"rentals", "freeze"/"freezing") that letter
/// trigrams can see and exact-word matching cannot. Line format, <c>|</c> between alternatives:
/// slot <c>query forms ; document forms</c>; intent <c>name ; keyword ; query patterns ; document patterns ; titles</c>
/// with <c>{s}</c> where the slot value goes. The keyword is a query-side phrase that other documents of
/// the domain mention in passing: the distractors that share a query's words but not its meaning.
/// </summary>
internal static class SyntheticClicksLexicon
{
    internal sealed record Slot(string[] Query, string[] Doc);
    internal sealed record Intent(string Name, string Keyword, string[] Query, string[] Doc, string[] Titles);
    internal sealed record Domain(string Language, string Name, Slot[] Slots, Intent[] Intents);

    static string[] Alt(string s) => s.Split('|', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);

    static Domain D(string language, string name, string[] slots, string[] intents) => new(language, name,
        slots.Select(s => s.Split(';', StringSplitOptions.TrimEntries)).Select(p => new Slot(Alt(p[0]), Alt(p[1]))).ToArray(),
        intents.Select(s => s.Split(';', StringSplitOptions.TrimEntries)).Select(p => new Intent(p[0], p[1], Alt(p[2]), Alt(p[3]), Alt(p[4]))).ToArray());

    public static readonly Domain[] English =
    [
        D("en", "travel",
        [
            "paris|paris france ; the french capital|paris",
            "london|london uk ; the british capital|london",
            "tokyo|tokyo japan ; the japanese capital|tokio",
            "rome|rome italy ; the eternal city|roman",
            "new york|nyc ; the big apple|manhattan",
            "barcelona|barcelona spain ; the catalan capital|barcelona",
            "berlin|berlin germany ; the german capital|berliner",
            "sydney|sydney australia ; the harbour city|sydney",
            "bangkok|bangkok thailand ; the thai capital|bangkok",
            "amsterdam|amsterdam netherlands ; the dutch capital|amsterdam",
            "istanbul|istanbul turkey ; the city on the bosphorus|istanbul",
            "cairo|cairo egypt ; the egyptian capital|cairene",
            "lisbon|lisbon portugal ; the portuguese capital|lisboa",
            "vienna|vienna austria ; the austrian capital|wien",
        ],
        [
            "flights ; cheap flights ; cheap flights to {s}|budget plane tickets to {s}|how to fly to {s} for less|cheapest flight {s}|plane ticket offers {s} ; low-cost airfare for a trip to {s}, compare discount airline fares and reserve a seat|inexpensive air travel into {s}: bargain fares from many carriers|economical airline journeys toward {s} with reduced fares and flexible boarding ; Discount airfare: {s}|Bargain airline fares for {s}",
            "hotels ; hotels ; hotels in {s}|where to stay in {s}|cheap hotel {s}|best place to sleep {s}|hotel rooms {s} ; affordable lodging and accommodation around {s}, guesthouses and inns with good reviews|overnight accommodation options across {s}: inns, hostels and guesthouses|inexpensive lodging near the centre of {s} with breakfast included ; Lodging guide: {s}|Where travellers spend the night in {s}",
            "car rental ; car rental ; car rental {s}|rent a car in {s}|hire car {s}|cheap car hire {s}|renting a car {s} ; vehicle rentals at the airport of {s}: automobiles, vans and convertibles by the day|self-drive automobile leasing across {s} with unlimited mileage|pick up a vehicle in {s} and return it anywhere ; Vehicle rentals in {s}|Self-drive automobiles: {s}",
            "weather ; weather ; weather in {s}|{s} weather forecast|is it raining in {s}|temperature {s} today|{s} climate in winter ; meteorological outlook for {s}: sunshine, rainfall and humidity by month|seasonal conditions around {s}, from warm summers to mild wet months|what the skies above {s} bring: forecasts, rainy spells and heat ; Meteorological outlook: {s}|Seasons and skies of {s}",
            "sights ; things to do ; things to do in {s}|what to see in {s}|{s} sightseeing|top attractions {s}|{s} tourist spots ; must-visit landmarks, museums and walking routes of {s}|an itinerary for exploring {s}: monuments, galleries and markets|famous sights and hidden gems of {s} for first-time visitors ; Landmarks of {s}|Exploring {s}: an itinerary",
        ]),
        D("en", "cooking",
        [
            "lasagna|lasagne ; layered pasta bake|lasagne",
            "pancakes|pancake ; griddle cakes|flapjacks",
            "chicken curry|curry ; spiced chicken stew|curried chicken",
            "brownies|brownie ; fudgy chocolate squares|chocolate brownie bars",
            "guacamole|guac ; mashed avocado dip|avocado dip",
            "sushi|sushi rolls ; vinegared rice rolls|maki",
            "risotto|mushroom risotto ; creamy arborio rice|risotto",
            "chili|chili con carne ; bean and beef stew|chilli",
            "banana bread|banana loaf ; quick bread with ripe bananas|banana cake",
            "omelette|omelet ; folded eggs|egg omelette",
            "paella|seafood paella ; spanish saffron rice|paella valenciana",
            "hummus|houmous ; chickpea dip|chickpea puree",
            "tiramisu|tiramisu dessert ; coffee soaked ladyfinger dessert|tiramisu",
            "ramen|ramen noodles ; japanese noodle soup|ramen bowl",
        ],
        [
            "recipe ; recipe ; {s} recipe|how to make {s}|easy {s} recipe|homemade {s}|cook {s} at home ; step by step preparation of {s} with ingredients and method|a simple kitchen method for preparing {s} from scratch|ingredients list and instructions for {s}, ready in under an hour ; Preparing {s}|{s}: ingredients and method",
            "calories ; calories ; calories in {s}|how many calories {s}|{s} nutrition facts|is {s} healthy|{s} calorie count ; energy content of {s}: kilojoules, fat, protein and carbohydrate per serving|nutritional breakdown for a portion of {s}|dietary values of {s} and how a serving fits a balanced meal plan ; Nutritional breakdown: {s}|Energy content of {s}",
            "wine ; wine pairing ; wine with {s}|what wine goes with {s}|{s} wine pairing|best wine for {s}|drink to serve with {s} ; which red or white bottle complements {s}: a sommelier's matching guide|matching vintages and grape varieties to {s}|the sommelier suggests a crisp white or a light red alongside {s} ; A sommelier on {s}|Vintages that complement {s}",
            "vegetarian ; vegetarian ; vegetarian {s}|meatless {s}|{s} without meat|vegan {s}|veggie {s} ; a plant-based version of {s} using tofu, lentils or mushrooms|how to adapt {s} for people who avoid animal products|plant-based swaps that keep {s} hearty and full of flavour ; Plant-based {s}|{s}, adapted for plant eaters",
            "leftovers ; leftover ; how to store leftover {s}|can you freeze {s}|{s} leftovers fridge|reheat {s}|how long does {s} keep ; keeping {s} fresh: refrigeration times, freezing and reheating safely|storage advice for cooked {s} in the refrigerator or freezer|once cooked, {s} lasts three days chilled, then warm it through before eating ; Storing {s}|Refrigeration and freezing: {s}",
        ]),
        D("en", "health",
        [
            "migraine|migraines ; severe headache|migrainous headache",
            "flu|the flu ; influenza|seasonal influenza",
            "back pain|lower back pain ; lumbar ache|backache",
            "insomnia|cant sleep ; sleeplessness|sleep disorder",
            "heartburn|acid reflux ; gastric reflux|indigestion",
            "diabetes|high blood sugar ; diabetes mellitus|hyperglycaemia",
            "asthma|wheezing ; bronchial asthma|asthmatic airways",
            "eczema|itchy skin ; atopic dermatitis|dermatitis",
            "anxiety|feeling anxious ; anxiety disorder|chronic worry",
            "common cold|a cold ; upper respiratory infection|head cold",
            "sprained ankle|twisted ankle ; ankle sprain|ligament injury of the ankle",
            "high blood pressure|blood pressure ; hypertension|hypertensive disease",
            "food poisoning|stomach bug ; foodborne illness|gastroenteritis",
            "hay fever|pollen allergy ; allergic rhinitis|seasonal allergies",
        ],
        [
            "symptoms ; symptoms ; {s} symptoms|signs of {s}|do i have {s}|how do i know if i have {s}|early signs {s} ; clinical features of {s} and how it usually presents|recognising {s}: the typical complaints patients report|common manifestations of {s} in adults and children ; Clinical features of {s}|Recognising {s}",
            "treatment ; treatment ; how to treat {s}|{s} treatment|cure for {s}|{s} remedies|get rid of {s} ; therapy options for {s}, from medication to lifestyle changes|managing {s}: prescribed drugs and home care|medical management of {s} and what therapies work best ; Therapy for {s}|Managing {s}",
            "doctor ; see a doctor ; when to see a doctor for {s}|is {s} an emergency|should i go to hospital with {s}|{s} when to worry|{s} urgent care ; warning signals that {s} needs a physician's assessment|red flags: when {s} requires prompt medical attention|seek a clinician's opinion about {s} if it worsens or persists ; Red flags in {s}|{s}: when a physician is needed",
            "prevention ; prevent ; how to prevent {s}|avoid {s}|{s} prevention tips|stop {s} coming back|reduce risk of {s} ; lowering the chances of developing {s} through daily habits|protective measures against {s}|preventive steps that keep {s} away ; Protective measures: {s}|Preventive habits and {s}",
            "diet ; foods ; foods to eat with {s}|best diet for {s}|what to eat when you have {s}|{s} diet|foods that help {s} ; nutrition plan for people living with {s}: meals to favour and avoid|eating well with {s}, from breakfast to dinner|dietary guidance for {s} with recommended meals ; Eating well with {s}|Dietary guidance: {s}",
        ]),
        D("en", "finance",
        [
            "savings account|savings ; deposit account|high-yield savings",
            "credit card|credit cards ; charge card|revolving credit",
            "mortgage|home loan ; property loan|mortgages",
            "car loan|auto loan ; vehicle financing|car finance",
            "student loan|college loan ; education loan|tuition financing",
            "pension|retirement plan ; retirement savings scheme|pensions",
            "stocks|shares ; equities|stock market investments",
            "bitcoin|crypto ; cryptocurrency|digital currency",
            "life insurance|life cover ; life assurance policy|term life policy",
            "personal loan|borrow money ; unsecured lending|consumer loan",
            "checking account|current account ; transaction account|everyday bank account",
            "index fund|etf ; exchange traded fund|passive index tracker",
            "gold|gold bars ; bullion|precious metal",
            "bonds|government bonds ; fixed income securities|treasury bonds",
        ],
        [
            "open ; open ; how to open a {s}|open {s} online|sign up for {s}|apply for {s}|get a {s} ; the application process for {s}: documents, identity checks and approval|setting up new {s} in a few steps|eligibility and paperwork needed to start with {s} ; Applying: {s}|Starting with {s}",
            "rates ; interest rate ; {s} interest rate|best {s} rates|current {s} rates|what rate for {s}|{s} rates today ; annual percentage yield and APR on {s} compared across lenders|how much {s} earns or takes each year in percentage terms|comparison of yields and APR for {s} ; Yields and APR: {s}|{s} in percentage terms",
            "fees ; fees ; {s} fees|hidden charges {s}|how much does {s} cost|{s} monthly fee|cost of {s} ; commissions, penalties and service expenses attached to {s}|what providers deduct for maintaining {s}|the small print: maintenance expenses of {s} ; Commissions and penalties: {s}|The small print of {s}",
            "taxes ; tax ; tax on {s}|is {s} taxable|{s} tax rules|do i pay tax on {s}|{s} and taxes ; how the revenue service treats income from {s}|fiscal rules and reporting duties for {s}|declaring {s} on your annual return and what the taxman expects ; Fiscal rules: {s}|Declaring {s}",
            "close ; cancel ; how to close a {s}|cancel {s}|close my {s}|stop my {s}|get out of {s} ; terminating {s}: notice periods and final settlement|ending {s} and withdrawing what remains|how closure of {s} works and what happens to the balance ; Terminating {s}|Closure of {s}",
        ]),
        D("en", "software",
        [
            "python|python3 ; python|the python interpreter",
            "excel|ms excel ; microsoft spreadsheet|spreadsheets",
            "windows|windows 11 ; the microsoft operating system|windows os",
            "linux|ubuntu ; gnu/linux|linux distribution",
            "docker|docker containers ; containerisation engine|containers",
            "chrome|google chrome ; the google browser|chromium browser",
            "git|github ; version control|git repository",
            "java|jdk ; the java runtime|java virtual machine",
            "photoshop|adobe photoshop ; image editor from adobe|photo editing suite",
            "zoom|zoom meetings ; video conferencing client|zoom client",
            "wordpress|wordpress site ; blogging platform|content management system",
            "node|nodejs ; node.js runtime|javascript runtime",
            "vscode|visual studio code ; code editor|microsoft editor",
            "iphone|ios ; apple smartphone|ios device",
        ],
        [
            "install ; install ; install {s}|how to install {s}|download {s}|{s} setup|get {s} on my computer ; setting up {s}: downloading the installer and first-time configuration|an installation guide for {s} on a new machine|putting {s} onto your pc and configuring it ; Installation guide: {s}|Setting up {s}",
            "uninstall ; uninstall ; uninstall {s}|remove {s} completely|delete {s}|how to get rid of {s}|{s} removal ; cleanly taking {s} off a machine, including leftover files|erasing every trace of {s} from the system|{s} can be wiped from disk with these steps ; Erasing {s}|Taking {s} off a machine",
            "update ; update ; update {s}|upgrade {s} to latest version|{s} new version|how to update {s}|{s} latest release ; bringing {s} up to date with patches and upgrades|the newest build of {s} and how to move to it|applying patches keeps {s} secure ; Patching {s}|The newest build of {s}",
            "error ; error ; {s} error|{s} not working|{s} crashes|fix {s} problem|{s} keeps freezing ; troubleshooting {s} when it fails or stops responding|diagnosing faults and crashing in {s}|when {s} misbehaves: a troubleshooting checklist ; Troubleshooting {s}|Diagnosing faults in {s}",
            "tutorial ; tutorial ; {s} tutorial|learn {s}|{s} for beginners|{s} course|how to use {s} ; a gentle introduction to {s} for newcomers|lessons that teach the basics of {s} one stage at a time|getting started with {s}: exercises and examples ; Introduction to {s}|Getting started with {s}",
        ]),
        D("en", "pets",
        [
            "dog|puppy ; canine|puppies",
            "cat|kitten ; feline|kittens",
            "rabbit|bunny ; pet rabbits|bunnies",
            "parrot|budgie ; pet bird|parakeet",
            "hamster|hamsters ; small rodent|dwarf hamster",
            "goldfish|fish tank ; aquarium fish|goldfishes",
            "horse|pony ; equine|ponies",
            "turtle|tortoise ; pet reptile|tortoises",
            "guinea pig|cavy ; cavies|guinea pigs",
            "ferret|ferrets ; mustelid pet|pet ferret",
            "snake|pet snake ; serpent|corn snake",
            "backyard chickens|hens ; poultry flock|laying hens",
            "lizard|gecko ; bearded dragon|geckos",
            "labrador|lab puppy ; retriever|labrador retriever",
        ],
        [
            "food ; food ; what to feed a {s}|best food for {s}|{s} food|can my {s} eat bananas|how much to feed {s} ; a complete feeding guide for {s}: portions, treats and nutrition|the right diet for {s}, meal sizes and feeding schedule|nutrition for {s} at every age ; Feeding guide: {s}|Portions and treats for {s}",
            "training ; train ; how to train a {s}|{s} training tips|teach my {s} tricks|{s} obedience|train {s} to come ; behaviour coaching for {s} with rewards and patience|positive reinforcement methods that work for {s}|shaping good behaviour in {s} with short daily sessions ; Behaviour coaching: {s}|Positive reinforcement for {s}",
            "sick ; sick ; my {s} is sick|{s} vomiting|{s} not eating|signs my {s} is ill|{s} vet ; illness in {s}: when to call a veterinarian|common ailments of {s} and veterinary care|a poorly {s}: diagnosis and treatment at the veterinary clinic ; Ailments of {s}|Veterinary care for {s}",
            "adopt ; adopt ; adopt a {s}|{s} for sale|where to buy a {s}|{s} adoption|rescue {s} near me ; rehoming centres and breeders offering {s}|bringing home {s} from a shelter or breeder|finding a reputable breeder or shelter for {s} ; Rehoming {s}|Breeders and shelters: {s}",
            "lifespan ; how long ; how long do {s} live|{s} lifespan|{s} life expectancy|average age {s}|oldest {s} ; the typical years {s} survives in captivity|longevity of {s} and what shortens or extends it|ageing in {s}: how many years to expect ; Longevity of {s}|Ageing in {s}",
        ]),
    ];

    public static readonly Domain[] Chinese =
    [
        D("zh", "travel",
        [
            "北京|北京市 ; 首都|京城",
            "上海|上海市 ; 申城|沪上",
            "广州|广州市 ; 羊城|花城",
            "深圳|深圳市 ; 鹏城|深圳特区",
            "成都|成都市 ; 蓉城|天府之国",
            "西安|西安市 ; 古都长安|长安",
            "杭州|杭州市 ; 西子湖畔|临安",
            "重庆|重庆市 ; 山城|渝州",
            "南京|南京市 ; 金陵|石头城",
            "厦门|厦门市 ; 鹭岛|鹭城",
        ],
        [
            "flights ; 便宜机票 ; 便宜机票去{s}|{s}特价机票|飞{s}最便宜|{s}机票多少钱 ; 前往{s}的低廉航班，各航空公司折扣汇总|抵达{s}的经济航线，航空公司优惠舱位|{s}航线促销：廉航班次与舱位 ; {s}航线优惠|抵达{s}的经济航班",
            "hotels ; 酒店 ; {s}酒店推荐|{s}住哪里好|{s}便宜酒店|{s}哪家酒店好 ; {s}的实惠旅馆与民宿，交通方便口碑佳|在{s}过夜：宾馆、客栈和青年旅舍|{s}市中心附近的平价客房 ; {s}旅馆与民宿|{s}过夜指南",
            "weather ; 天气 ; {s}天气|{s}明天下雨吗|{s}天气预报|{s}冷不冷 ; {s}的晴朗与阴霾、温度与湿度概况|{s}各月份降水与温度走势|近期{s}温差变化与降水概率 ; {s}温度与降水|{s}四季概况",
            "sights ; 景点 ; {s}景点|{s}有什么好玩的|{s}旅游攻略|去{s}玩什么 ; {s}必去的名胜古迹与博物馆|漫步{s}：历史建筑、街区和美食|{s}观光路线：地标、园林与老街 ; {s}名胜古迹|{s}观光路线",
        ]),
        D("zh", "cooking",
        [
            "红烧肉|红烧五花肉 ; 东坡肉|焖五花",
            "麻婆豆腐|麻辣豆腐 ; 川味豆腐|陈麻婆豆腐",
            "饺子|水饺 ; 扁食|娇耳",
            "宫保鸡丁|宫爆鸡丁 ; 花生炒鸡丁|宫保鸡",
            "糖醋排骨|糖醋小排 ; 酸甜排骨|糖醋肋排",
            "炒饭|蛋炒饭 ; 扬州炒饭|黄金饭",
            "火锅|涮锅 ; 暖锅|涮肉",
            "包子|肉包 ; 馒头|笼包",
            "月饼|中秋月饼 ; 团圆饼|广式月饼",
            "粽子|肉粽 ; 角黍|端午粽",
        ],
        [
            "recipe ; 做法 ; {s}的做法|{s}怎么做|家常{s}|教我做{s} ; {s}烹饪步骤：所需食材与详细流程|亲手烹制{s}的简单诀窍|{s}食谱：配料清单与操作要点 ; {s}食谱|{s}烹饪步骤",
            "calories ; 热量 ; {s}热量高吗|{s}卡路里|吃{s}会胖吗|{s}热量多少 ; {s}营养成分：脂肪、蛋白质与碳水含量|每份{s}提供的千焦数和营养素|{s}的膳食数据与减重建议 ; {s}营养成分|{s}膳食数据",
            "leftovers ; 保存 ; {s}怎么保存|{s}能放冰箱吗|{s}放几天|剩下的{s}怎么办 ; {s}冷藏与冷冻的时长建议|储藏{s}的正确方式与加热要点|吃不完的{s}密封冷藏三日内食用 ; {s}储藏要点|{s}冷藏与冷冻",
            "vegetarian ; 素食 ; 素{s}|{s}素食版|不放肉的{s}|{s}吃素 ; {s}的植物性改良：用豆制品和菌菇代替荤料|无荤{s}：全植物配方|适合蔬食人群的{s} ; 植物版{s}|无荤{s}",
        ]),
        D("zh", "health",
        [
            "感冒|着凉 ; 上呼吸道感染|伤风",
            "失眠|睡不着 ; 入睡困难|睡眠障碍",
            "头痛|头疼 ; 脑袋胀痛|颅部疼痛",
            "胃痛|胃疼 ; 胃脘不适|肠胃炎",
            "高血压|血压高 ; 原发性高血压|血管压力偏高",
            "糖尿病|血糖高 ; 消渴症|胰岛素抵抗",
            "过敏|花粉过敏 ; 变态反应|过敏性鼻炎",
            "咳嗽|一直咳 ; 支气管炎|干咳",
            "便秘|排便困难 ; 肠道蠕动缓慢|大便干结",
            "焦虑|紧张不安 ; 焦虑症|心理压力",
        ],
        [
            "symptoms ; 症状 ; {s}的症状|{s}有哪些表现|怎么知道自己{s}|{s}早期信号 ; {s}的临床特征与常见主诉|识别{s}：患者通常出现的不适|{s}在成人和儿童中的典型征象 ; {s}临床特征|识别{s}",
            "treatment ; 治疗 ; {s}怎么治|{s}吃什么药|{s}治疗手段|如何缓解{s} ; {s}的处置方案：从处方到作息调整|应对{s}：医嘱与居家护理|{s}诊后管理规划 ; {s}处置方案|应对{s}",
            "doctor ; 看医生 ; {s}要去医院吗|{s}什么时候看医生|{s}严重吗|{s}挂什么科 ; {s}出现哪些危险信号需及时就诊|{s}加重或持续时应尽快求诊|{s}的急诊指征 ; {s}就诊指征|{s}危险信号",
            "diet ; 吃什么 ; {s}吃什么好|{s}不能吃哪些|{s}能吃辣吗|{s}食疗 ; {s}患者餐单：宜选与忌口|适合{s}人群的一日三餐|{s}调养菜单与营养搭配 ; {s}餐单|{s}调养菜单",
        ]),
        D("zh", "finance",
        [
            "信用卡|信用卡片 ; 贷记卡|透支账户",
            "房贷|买房贷款 ; 住房按揭|个人住房借款",
            "车贷|买车贷款 ; 汽车按揭|购车分期",
            "基金|买基金 ; 公募产品|指数型理财",
            "股票|炒股 ; 证券|A股投资",
            "存款|定期存款 ; 储蓄|银行定存",
            "保险|买保险 ; 人寿保单|寿险",
            "余额宝|零钱理财 ; 货币基金|活期理财",
            "外汇|换美元 ; 外币兑换|汇率结算",
            "黄金|金条 ; 贵金属|实物金",
        ],
        [
            "open ; 怎么办 ; {s}怎么办理|申请{s}|我想弄个{s}|{s}需要什么条件 ; {s}的开立流程：证件、审核与批准|几步完成{s}的开设|{s}准入资格与所需材料 ; {s}开立流程|{s}准入资格",
            "rates ; 利率 ; {s}利率多少|{s}利息怎么算|{s}哪家利率最低|{s}赚多少钱 ; 各机构{s}的回报与成本对比|{s}每年的百分比收益水平|{s}借贷成本及回报一览 ; {s}回报对比|{s}收益水平",
            "fees ; 手续费 ; {s}手续费|{s}有没有隐形收费|{s}年费多少|{s}要花多少钱 ; {s}相关佣金、罚金与服务开支|持有{s}需承担的各项开支明细|{s}条款细则中的管理成本 ; {s}开支明细|{s}条款细则",
            "close ; 注销 ; {s}怎么注销|取消{s}|不想要{s}了|{s}如何退掉 ; 终止{s}：通知期限与最终结算|结清{s}并转出剩余款项|{s}关闭手续及余额处理 ; 终止{s}|{s}关闭手续",
        ]),
    ];

    /// <summary>Sentences about a sibling intent's topic ({k} its query-side keyword, {q} this document's
    /// slot value as people type it): the words of another query, not its meaning.</summary>
    public static readonly string[] EnglishAsides =
    [
        "Not to be confused with {k} {q}.",
        "Looking for {k} {q}? That topic is covered elsewhere.",
        "This page does not discuss {k} for {q}.",
    ];

    public static readonly string[] ChineseAsides =
    [
        "本页不涉及{q}{k}。",
        "如需了解{q}{k}，请另行查询。",
        "关于{q}{k}的内容见其他页面。",
    ];

    public static readonly string[] EnglishFiller =
    [
        "Updated weekly by our editors.",
        "Information is provided for reference only.",
        "Readers rated this page helpful.",
        "Bookmark this page for later.",
        "Content reviewed by specialists.",
        "Share it with friends and family.",
    ];

    public static readonly string[] ChineseFiller =
    [
        "内容每周更新。",
        "信息仅供参考。",
        "欢迎收藏本页。",
        "以上内容整理自公开资料。",
        "读者评价本页实用。",
    ];
}
