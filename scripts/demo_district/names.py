"""Made-up place names (pinyin, Chinese) and the numbering of roads and facilities."""


# Two-character place names (pinyin, Chinese) for roads, parks and facilities.
PLACE_NAMES = [
    ("Jiahe", "嘉禾"), ("Meiwan", "梅湾"), ("Changsheng", "长盛"), ("Huayuan", "华园"),
    ("Qinyuan", "沁园"), ("Xinfeng", "新丰"), ("Fuxing", "复兴"), ("Liuying", "柳营"),
    ("Hongxing", "红星"), ("Shuguang", "曙光"), ("Kangle", "康乐"), ("Anle", "安乐"),
    ("Heping", "和平"), ("Xiangjia", "湘家"), ("Luoxing", "落星"), ("Lianhua", "莲花"),
    ("Guangming", "光明"), ("Ruixiang", "瑞祥"), ("Jinhu", "金湖"), ("Yuxiu", "毓秀"),
    ("Qingyuan", "清源"), ("Dongsheng", "东升"), ("Xiyuan", "西园"), ("Nanxi", "南溪"),
    ("Beiyuan", "北苑"), ("Mingde", "明德"), ("Lihe", "丽和"), ("Tongxin", "同心"),
    ("Jiangnan", "江南"), ("Shuixiang", "水乡"), ("Wuyue", "吴越"), ("Changhong", "长虹"),
    ("Yangguang", "阳光"), ("Xingfu", "幸福"), ("Jinqiao", "金桥"), ("Tianning", "天宁"),
    ("Fengming", "凤鸣"), ("Ziyang", "紫阳"), ("Yong'an", "永安"), ("Fumin", "富民"),
    ("Qinjian", "勤俭"), ("Jianshe", "建设"), ("Chuangye", "创业"), ("Zhihui", "智慧"),
    ("Xingye", "兴业"), ("Juxian", "聚贤"), ("Yunhai", "云海"), ("Hubin", "湖滨"),
    ("Lingxiang", "菱香"), ("Zuili", "槜李"), ("Yanyu", "烟雨"), ("Yuanhu", "鸳湖"),
    ("Lanxiu", "揽秀"), ("Yuehe", "月河"), ("Zicheng", "子城"), ("Zhiqiao", "芝桥"),
    ("Qinye", "勤业"), ("Wan'an", "万安"), ("Shuangxi", "双溪"), ("Hehua", "荷花"),
    ("Sangyuan", "桑园"), ("Daoxiang", "稻香"), ("Yuzhou", "渔舟"), ("Fengshou", "丰收"),
    ("Shunda", "顺达"), ("Tongji", "通济"), ("Xingwang", "兴旺"), ("Jiarui", "嘉瑞"),
    ("Wanfu", "万福"), ("Jinxiu", "锦绣"), ("Huating", "华庭"), ("Xinghe", "星河"),
    ("Cuizhu", "翠竹"), ("Qingtong", "青桐"), ("Songtao", "松涛"), ("Chunhui", "春晖"),
    ("Qiushi", "秋实"), ("Yuquan", "玉泉"), ("Baihe", "百合"), ("Jinsha", "金沙"),
    ("Haoyue", "皓月"), ("Tingxi", "听溪"), ("Wangjiang", "望江"), ("Chengxi", "城西"),
    ("Dongfang", "东方"), ("Xiangyun", "祥云"), ("Baoshan", "宝山"), ("Lüyin", "绿茵"),
    ("Huixin", "汇新"), ("Dexin", "德馨"), ("Chenguang", "晨光"), ("Jingxiu", "景秀"),
    ("Yiyuan", "怡园"), ("Lanting", "兰亭"), ("Mingyue", "明月"), ("Qingfeng", "清风"),
    ("Xiangyang", "向阳"), ("Tianxiang", "天祥"), ("Wenhua", "文华"), ("Boya", "博雅"),
    ("Jiaxin", "嘉欣"), ("Ronghe", "融和"), ("Xinyuan", "新苑"), ("Jinsui", "金穗"),
    ("Hengtai", "恒泰"), ("Longxiang", "龙翔"), ("Fenghuang", "凤凰"), ("Yinhu", "银湖"),
    ("Shuiyun", "水韵"), ("Xiaoqiao", "小桥"), ("Liushui", "流水"), ("Taohua", "桃花"),
    ("Yangliu", "杨柳"), ("Ouxiang", "藕香"), ("Qinghe", "清河"), ("Jingshui", "静水"),
    ("Fuyuan", "福苑"), ("Shengli", "胜利"), ("Minzhu", "民主"), ("Tianhe", "天和"),
]

CN_DIGITS = "零一二三四五六七八九十"


def ordinal(n):
    return f"{n}{'th' if 10 <= n % 100 <= 20 else {1: 'st', 2: 'nd', 3: 'rd'}.get(n % 10, 'th')}"


def cn_number(n):
    if n <= 10:
        return CN_DIGITS[n]
    if n < 20:
        return "十" + CN_DIGITS[n - 10]
    return CN_DIGITS[n // 10] + "十" + (CN_DIGITS[n % 10] if n % 10 else "")


def name_stream(rng, taken):
    pool = [n for n in PLACE_NAMES if n[1] not in taken]
    order = rng.permutation(len(pool))
    i = 0
    while True:
        base = pool[order[i % len(pool)]]
        # After the pool runs out, reuse it with a direction; never hand out the same name twice.
        rounds = i // len(pool)
        yield base if rounds == 0 else (f"{base[0]} {['', 'East', 'West', 'North', 'South'][rounds % 5]}".strip(),
                                        base[1] + ["", "东", "西", "北", "南"][rounds % 5])
        i += 1


# Names already taken by units, arterials and numbered streets; the name pool skips them.
RESERVED_NAMES = {"禾兴", "梅湾", "长盛", "桃园", "芦溪", "运河", "嘉禾", "城南", "秀水", "文昌", "科技", "滨河", "工业"}
