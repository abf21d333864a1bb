package io.textwasm.bench.corpus;

/**
 * Word lists the corpora are built from. Common words of each language, written for this project
 * (no external source); what matters for the benchmark is the mix of code points they bring.
 */
final class Words {
    private Words() {}

    static final String[] ENGLISH = {
        "the", "of", "and", "to", "in", "is", "that", "it", "was", "for", "on", "are", "with", "as", "his", "they",
        "be", "at", "one", "have", "this", "from", "or", "had", "by", "word", "but", "what", "some", "we", "can",
        "out", "other", "were", "all", "there", "when", "up", "use", "your", "how", "said", "an", "each", "she",
        "which", "do", "their", "time", "if", "will", "way", "about", "many", "then", "them", "write", "would",
        "like", "so", "these", "her", "long", "make", "thing", "see", "him", "two", "has", "look", "more", "day",
        "could", "go", "come", "did", "number", "sound", "no", "most", "people", "my", "over", "know", "water",
        "than", "call", "first", "who", "may", "down", "side", "been", "now", "find", "any", "new", "work", "part",
        "take", "get", "place", "made", "live", "where", "after", "back", "little", "only", "round", "man", "year",
        "came", "show", "every", "good", "me", "give", "our", "under", "name", "very", "through", "just", "form",
        "sentence", "great", "think", "say", "help", "low", "line", "differ", "turn", "cause", "much", "mean",
        "before", "move", "right", "boy", "old", "too", "same", "tell", "does", "set", "three", "want", "air",
        "well", "also", "play", "small", "end", "put", "home", "read", "hand", "port", "large", "spell", "add",
        "even", "land", "here", "must", "big", "high", "such", "follow", "act", "why", "ask", "men", "change",
        "went", "light", "kind", "off", "need", "house", "picture", "try", "us", "again", "animal", "point",
        "mother", "world", "near", "build", "self", "earth", "father", "head", "stand", "own", "page", "should",
        "country", "found", "answer", "school", "grow", "study", "still", "learn", "plant", "cover", "food", "sun",
        "four", "between", "state", "keep", "eye", "never", "last", "let", "thought", "city", "tree", "cross",
        "farm", "hard", "start", "might", "story", "saw", "far", "sea", "draw", "left", "late", "run", "don't",
        "while", "press", "close", "night", "real", "life", "few", "north", "Unicode", "text", "engine", "module",
    };

    static final String[] FRENCH = {
        "le", "la", "les", "de", "des", "du", "et", "un", "une", "dans", "pour", "avec", "sur", "pas", "plus",
        "nous", "vous", "il", "elle", "sont", "qui", "que", "mais", "où", "déjà", "très", "été", "élève", "élèves",
        "français", "française", "garçon", "fenêtre", "hôpital", "naïve", "cœur", "Noël", "forêt", "château",
        "théâtre", "reçu", "première", "réunion", "événement", "crème", "brûlée", "île", "août", "ça", "voilà",
        "après", "problème", "côté", "être", "mère", "père", "frère", "sœur", "écrire", "lycée", "musée",
        "égalité", "liberté", "fraternité", "société", "qualité", "activité", "communauté", "université", "à",
        "leçon", "façade", "général", "déménagement", "intérêt", "entraîner", "goût", "plaît", "Hélène",
        "Françoise", "Jérôme", "Benoît", "préféré", "réfléchir", "répétition", "décembre", "février", "créé",
        "hésiter", "tête", "bête", "rêve", "vêtement", "pâtes", "âge", "ambiguë", "aïeul", "maïs", "Zoé",
        "coïncidence", "Noémie", "parfois", "toujours", "maison", "journal", "semaine", "travail", "chose",
    };

    static final String[] FRENCH_VOWEL = {
        "été", "élève", "école", "île", "œuvre", "âme", "hôtel", "entraînement", "égalité", "usine", "avenir",
    };

    static final String[] JAPANESE = {
        "日本語", "東京", "天気", "今日", "明日", "学校", "先生", "勉強", "新しい", "電車", "会社", "友達",
        "ありがとう", "コンピュータ", "データ", "テキスト", "ソフトウェア", "正規化", "文字列", "国際化",
        "ひらがな", "カタカナ", "漢字", "読み書き", "大阪", "京都", "桜", "富士山", "料理", "図書館",
        "インターネット", "プログラム", "検索", "処理", "速度", "結果", "問題", "時間", "世界", "情報",
    };

    static final String[] JAPANESE_FULL_WIDTH = {
        "ＡＢＣ", "ＵＴＦ－８", "２０２５年", "Ｊａｖａ", "ＷｅｂＡｓｓｅｍｂｌｙ", "１０ＫＢ", "ＮＦＫＣ", "ＩＣＵ", "１２３４",
    };

    static final String[] JAPANESE_HALF_WIDTH = {
        "ｶﾞｰﾃﾞﾝ", "ﾃﾞｰﾀ", "ｺﾝﾋﾟｭｰﾀ", "ﾊﾟｿｺﾝ", "ﾌﾟﾛｸﾞﾗﾑ", "ｶﾀｶﾅ", "ﾃｷｽﾄ", "ｻｰﾋﾞｽ",
    };

    static final String[] JAPANESE_PARTICLES = {
        "は", "が", "を", "に", "で", "の", "と", "も", "です", "でした", "します", "から", "まで",
    };

    static final String[] KOREAN = {
        "안녕하세요", "한국어", "서울", "대한민국", "컴퓨터", "프로그램", "사랑", "학교", "선생님", "오늘",
        "날씨", "좋습니다", "감사합니다", "문자", "정규화", "텍스트", "처리", "시간", "사람", "세계", "경제",
        "문화", "역사", "음식", "김치", "바다", "하늘", "우리", "나라", "친구", "책", "도서관", "부산",
        "지하철", "커피", "주말", "가족", "영화", "음악", "빠른", "결과", "데이터", "웹어셈블리", "2025년",
    };

    static final String[] KOREAN_PARTICLES = {"는", "은", "를", "을", "가", "이", "에서", "의", "도", "와"};

    static final String[] EMOJI = {
        "\uD83D\uDC68\u200D\uD83D\uDC69\u200D\uD83D\uDC67\u200D\uD83D\uDC66", // family: man, woman, girl, boy
        "\uD83D\uDC69\uD83C\uDFFD\u200D\uD83D\uDCBB", // woman technologist, medium skin tone
        "\uD83C\uDFF3\uFE0F\u200D\uD83C\uDF08", // rainbow flag
        "\uD83C\uDFF4\u200D\u2620\uFE0F", // pirate flag
        "\uD83D\uDC4D\uD83C\uDFFF", // thumbs up, dark skin tone
        "\uD83D\uDC4B\uD83C\uDFFB", // waving hand, light skin tone
        "\uD83E\uDDD1\uD83C\uDFFE\u200D\uD83D\uDE80", // astronaut, medium-dark skin tone
        "\u2764\uFE0F", // red heart with emoji presentation
        "\uD83D\uDD25", "\uD83D\uDE02", "\uD83C\uDF89", "\uD83D\uDE00", "\u2728",
        "\uD83C\uDDEB\uD83C\uDDF7", "\uD83C\uDDEF\uD83C\uDDF5", "\uD83C\uDDF0\uD83C\uDDF7", "\uD83C\uDDE7\uD83C\uDDF7", // flags
        "1\uFE0F\u20E3", "#\uFE0F\u20E3", // keycaps
        "\uD83D\uDC69\u200D\u2764\uFE0F\u200D\uD83D\uDC68", // couple with heart
        "\uD83E\uDEF6\uD83C\uDFFC", // heart hands, medium-light skin tone
        "\uD83D\uDE4F\uD83C\uDFFD", // folded hands, medium skin tone
        "\uD83D\uDC08\u200D\u2B1B", // black cat
        "\uD83E\uDDD4\uD83C\uDFFB\u200D\u2642\uFE0F", // man with beard, light skin tone
        "\uD83C\uDFC3\uD83C\uDFFF\u200D\u2640\uFE0F\u200D\u27A1\uFE0F", // woman running facing right, dark skin tone
    };
}
