package org.rapport.customers.internal;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

import org.rapport.platform.text.SearchText;

/**
 * Plausible invented customers for load tests: Chinese, English and German companies and people,
 * with phone numbers in each country's format. Draws from one seeded random source, so the same
 * seed gives the same data.
 */
final class SyntheticCustomers {

	enum Country {

		CN("中国"), GB("United Kingdom"), US("United States"), DE("Germany");

		final String label;

		Country(String label) {
			this.label = label;
		}

	}

	/**
	 * An invented company.
	 *
	 * @param name name
	 * @param country where it is
	 * @param city city
	 * @param domain web and e-mail domain
	 * @param industry industry
	 */
	record Company(String name, Country country, String city, String domain, String industry) {
	}

	/**
	 * An invented person.
	 *
	 * @param firstName given name
	 * @param lastName family name
	 * @param emailLocal the part of their e-mail address before the @
	 */
	record Person(String firstName, String lastName, String emailLocal) {
	}

	static final List<String> CN_CITIES = List.of("上海", "北京", "杭州", "深圳", "苏州", "南京", "成都", "武汉", "广州", "天津", "重庆",
			"西安", "宁波", "青岛", "厦门", "合肥", "无锡", "长沙", "郑州", "济南");

	static final List<String> CN_BRAND_CHARS = List.of("云", "帆", "华", "光", "恒", "通", "金", "陵", "海", "港", "星", "河",
			"智", "联", "锦", "程", "青", "禾", "瑞", "丰", "康", "泰", "雅", "韵", "长", "江", "鼎", "盛", "蓝", "鲸", "鹭", "岛",
			"中", "信", "博", "远", "新", "达", "天", "宇", "东", "方", "明", "德", "安", "泽", "汇", "融", "嘉", "和");

	static final List<String> CN_INDUSTRIES = List.of("科技", "贸易", "物流", "医药", "电子", "机械", "食品", "文化传媒", "建设工程",
			"咨询", "软件", "新能源", "纺织", "汽车零部件", "医疗器械", "教育科技");

	static final List<String> CN_FORMS = List.of("有限公司", "有限公司", "有限公司", "股份有限公司", "集团有限公司");

	static final List<String> INDUSTRIES = List.of("Software", "Logistics", "Manufacturing", "Pharmaceuticals",
			"Retail", "Financial services", "Hospitality", "Construction", "Education", "Healthcare", "Energy",
			"Telecommunications", "Food & beverage", "Automotive", "Media");

	static final List<String> CN_FAMILY = List.of("王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周", "徐", "孙", "马",
			"朱", "胡", "郭", "何", "高", "林", "罗", "郑", "梁", "谢", "宋", "唐", "许", "韩", "冯", "邓", "曹", "彭", "曾", "肖",
			"田", "董", "袁", "潘", "于", "蒋", "蔡", "余", "杜", "叶", "程", "苏", "魏", "吕", "丁", "任", "沈", "姚", "卢", "姜",
			"崔", "钟", "谭", "陆", "汪", "范", "金", "石", "廖", "贾", "夏", "韦", "付", "方", "白", "邹", "孟", "熊", "秦", "邱",
			"江", "尹", "薛", "闫", "段", "雷", "侯", "龙", "史", "陶", "黎", "贺", "顾", "毛", "郝", "龚", "邵", "万", "钱", "严",
			"覃", "武", "戴", "莫", "孔", "向", "汤");

	static final List<String> CN_GIVEN_CHARS = List.of("伟", "芳", "娜", "敏", "静", "丽", "强", "磊", "军", "洋", "勇", "艳",
			"杰", "娟", "涛", "明", "超", "秀", "英", "霞", "平", "刚", "桂", "华", "建", "国", "海", "燕", "子", "涵", "一", "鸣",
			"思", "远", "雪", "梅", "志", "佳", "怡", "浩", "然", "欣", "文", "博", "雨", "桐", "俊", "梓", "萱", "宇", "航", "晨",
			"曦", "嘉", "晓", "红", "玉", "兰", "飞", "鹏", "辉", "鑫", "宏", "亮", "琳", "颖", "倩", "婷", "丹", "蕾", "瑶", "昊",
			"轩", "睿", "泽", "诗", "悦", "彤", "琪", "凯", "峰", "斌", "波", "林", "坤", "阳", "晨", "薇", "楠", "慧");

	static final List<String> EN_FIRST = List.of("Oliver", "Amelia", "George", "Isla", "Harry", "Ava", "Jack", "Sophie",
			"Thomas", "Grace", "William", "Emma", "Daniel", "Charlotte", "Michael", "Chloe", "David", "Laura", "Robert",
			"Hannah", "Christopher", "Megan", "Andrew", "Rachel", "James", "Olivia", "John", "Emily", "Joseph", "Jessica",
			"Matthew", "Sarah", "Ryan", "Lucy", "Samuel", "Ella", "Benjamin", "Mia", "Alexander", "Poppy", "Ethan", "Zoe",
			"Noah", "Lily", "Liam", "Evie", "Mason", "Freya", "Logan", "Ruby", "Lucas", "Alice", "Henry", "Florence",
			"Charlie", "Daisy", "Jacob", "Phoebe", "Nathan", "Holly", "Aaron", "Natalie", "Patrick", "Katie", "Kevin",
			"Victoria", "Brian", "Rebecca", "Steven", "Amy", "Mark", "Jennifer", "Paul", "Elizabeth", "Richard", "Nicole");

	static final List<String> EN_LAST = List.of("Smith", "Jones", "Taylor", "Brown", "Williams", "Wilson", "Johnson",
			"Davies", "Robinson", "Wright", "Thompson", "Evans", "Walker", "White", "Roberts", "Green", "Hall", "Wood",
			"Jackson", "Clarke", "Patel", "Hughes", "Edwards", "O'Brien", "Miller", "Davis", "Garcia", "Rodriguez",
			"Martinez", "Anderson", "Thomas", "Moore", "Martin", "Lee", "Harris", "Clark", "Lewis", "Young", "Allen",
			"King", "Scott", "Baker", "Adams", "Nelson", "Hill", "Campbell", "Mitchell", "Carter", "Turner", "Phillips",
			"Parker", "Collins", "Stewart", "Morris", "Murphy", "Cook", "Rogers", "Morgan", "Cooper", "Peterson", "Reed",
			"Bailey", "Bell", "Kelly", "Howard", "Ward", "Cox", "Richardson", "Watson", "Brooks", "Bennett", "Gray",
			"James", "Hayes", "Price", "Russell", "Sanders", "Foster", "Powell", "Jenkins", "Perry", "Butler", "Barnes",
			"Fisher", "Henderson", "Coleman", "Simmons", "Patterson", "Jordan", "Reynolds", "Hamilton", "Graham",
			"Wallace", "Cole", "West", "Owens", "Marshall", "Ellis", "Murray", "Ford", "Harrison", "Gibson", "Kennedy",
			"Wells", "Palmer", "Holmes", "Fletcher", "Lawrence", "Chapman", "Knight", "Shaw", "Lloyd", "Mason", "Fox");

	static final List<String> DE_FIRST = List.of("Lukas", "Anna", "Jonas", "Lea", "Felix", "Sophie", "Maximilian", "Marie",
			"Jürgen", "Katrin", "Stefan", "Sabine", "Tobias", "Julia", "Matthias", "Claudia", "Leon", "Hannah", "Paul",
			"Lena", "Finn", "Laura", "Niklas", "Johanna", "Sebastian", "Franziska", "Florian", "Anja", "Andreas", "Birgit",
			"Uwe", "Jörg", "Sören", "Björn", "Gisela", "Dörte");

	static final List<String> DE_LAST = List.of("Müller", "Schmidt", "Schneider", "Fischer", "Weber", "Meyer", "Wagner",
			"Becker", "Schulz", "Hoffmann", "Schäfer", "Koch", "Bauer", "Richter", "Klein", "Wolf", "Schröder", "Neumann",
			"Zimmermann", "Krüger", "Braun", "Hofmann", "Hartmann", "Lange", "Schmitt", "Werner", "Schmitz", "Krause",
			"Meier", "Lehmann", "Schmid", "Schulze", "Maier", "Köhler", "Herrmann", "König", "Walter", "Mayer", "Huber",
			"Kaiser", "Fuchs", "Peters", "Lang", "Scholz", "Möller", "Weiß", "Jung", "Hahn", "Vogel", "Friedrich");

	static final List<String> EN_WORDS = List.of("Northwind", "Blue River", "Summit", "Oakridge", "Pioneer", "Crescent",
			"Atlas", "Harbor", "Silverline", "Redwood", "Granite", "Evergreen", "Bright", "Kestrel", "Falcon", "Maple",
			"Cedar", "Horizon", "Lighthouse", "Stonebridge", "Riverside", "Westfield", "Highland", "Cascade", "Golden Gate",
			"Lone Star", "Albion", "Thames", "Beacon", "Ironwood", "Meridian", "Quantum", "Vertex", "Nimbus", "Aurora",
			"Copper", "Harvest", "Anchor", "Compass", "Elbe", "Rheinland", "Spree", "Nordlicht", "Alpen", "Isar");

	static final List<String> EN_KINDS = List.of("Analytics", "Logistics", "Systems", "Foods", "Robotics", "Partners",
			"Labs", "Consulting", "Manufacturing", "Health", "Energy", "Software", "Retail", "Capital", "Telecom",
			"Engineering", "Media", "Hotels", "Pharma", "Biotech", "Solutions", "Industries", "Technologies", "Maschinenbau");

	static final List<String> GB_CITIES = List.of("London", "Manchester", "Birmingham", "Leeds", "Bristol", "Edinburgh",
			"Glasgow", "Liverpool", "Reading", "Oxford", "Cambridge", "Cardiff");

	static final List<String> US_CITIES = List.of("New York", "Boston", "Seattle", "San Francisco", "Chicago", "Austin",
			"Houston", "Denver", "Atlanta", "San Diego", "Miami", "Portland");

	static final List<String> DE_CITIES = List.of("Berlin", "Hamburg", "München", "Köln", "Frankfurt am Main",
			"Stuttgart", "Düsseldorf", "Leipzig", "Dresden", "Nürnberg");

	static final List<String> CN_TITLES = List.of("总经理", "采购经理", "技术总监", "销售总监", "IT 经理", "财务经理", "运营总监",
			"市场部经理", "行政主管", "项目经理");

	static final List<String> EN_TITLES = List.of("CEO", "Head of Procurement", "CTO", "IT Manager", "Operations Director",
			"Finance Director", "Marketing Manager", "Office Manager", "VP Sales", "Project Manager", "Buyer",
			"Account Manager");

	static final List<String> STAGES = List.of("subscriber", "lead", "lead", "lead", "mql", "sql", "opportunity",
			"customer", "customer", "evangelist");

	static final List<String> SOURCES = List.of("website", "referral", "trade show", "cold call", "webinar", "partner",
			"import");

	static final List<String> TAGS = List.of("vip", "newsletter", "decision-maker", "technical", "renewal", "重点客户",
			"trade-show", "champion");

	static final List<String> SIZES = List.of("1-10", "11-50", "51-200", "201-1000", "1001-5000", "5001+");

	static final List<String> SUBJECTS_EN = List.of("Discovery call", "Follow-up on the proposal", "Product demo",
			"Quarterly business review", "Sent the quote", "Renewal check-in", "Pricing questions", "Contract negotiation",
			"Meeting summary and next steps", "Support escalation");

	static final List<String> SUBJECTS_ZH = List.of("初次沟通电话", "报价跟进", "产品演示", "季度业务回顾", "发送报价单", "续约确认",
			"合同条款谈判", "会议纪要及后续安排", "技术问题回访");

	static final List<String> TASKS = List.of("Send renewal quote", "Prepare the QBR deck", "Follow up on contract",
			"发送续约报价", "跟进合同签署", "安排产品演示");

	private final SplittableRandom random;

	SyntheticCustomers(long seed) {
		this.random = new SplittableRandom(seed);
	}

	/** A number from 0 (inclusive) to {@code bound} (exclusive). */
	int nextInt(int bound) {
		return random.nextInt(bound);
	}

	<T> T pick(List<T> list) {
		return list.get(random.nextInt(list.size()));
	}

	Country country() {
		int roll = random.nextInt(100);
		return roll < 50 ? Country.CN : roll < 70 ? Country.GB : roll < 85 ? Country.US : Country.DE;
	}

	Company company() {
		Country country = country();
		if (country == Country.CN) {
			String city = pick(CN_CITIES);
			String brand = pick(CN_BRAND_CHARS) + pick(CN_BRAND_CHARS);
			String kind = pick(CN_INDUSTRIES);
			return new Company(city + brand + kind + pick(CN_FORMS), country, city,
					joinedPinyin(brand) + "-" + random.nextInt(1000) + ".cn", industryOf(kind));
		}
		String city = switch (country) {
			case GB -> pick(GB_CITIES);
			case US -> pick(US_CITIES);
			default -> pick(DE_CITIES);
		};
		String form = switch (country) {
			case GB -> pick(List.of("Ltd", "Ltd", "plc", "LLP"));
			case US -> pick(List.of("Inc.", "Inc.", "LLC", "Corp."));
			default -> pick(List.of("GmbH", "GmbH", "AG", "KG"));
		};
		String base;
		if (random.nextInt(3) == 0) {
			List<String> surnames = country == Country.DE ? DE_LAST : EN_LAST;
			base = pick(surnames) + " & " + pick(surnames);
		}
		else {
			base = pick(EN_WORDS) + " " + pick(EN_KINDS);
		}
		String tld = switch (country) {
			case GB -> ".co.uk";
			case US -> ".com";
			default -> ".de";
		};
		return new Company(base + " " + form, country, city, slug(base) + random.nextInt(1000) + ".example" + tld,
				pick(INDUSTRIES));
	}

	private String industryOf(String chineseKind) {
		return switch (chineseKind) {
			case "科技", "软件" -> "Software";
			case "贸易" -> "Wholesale";
			case "物流" -> "Logistics";
			case "医药" -> "Pharmaceuticals";
			case "电子" -> "Electronics";
			case "机械", "纺织", "汽车零部件" -> "Manufacturing";
			case "食品" -> "Food & beverage";
			case "文化传媒" -> "Media";
			case "建设工程" -> "Construction";
			case "咨询" -> "Consulting";
			case "新能源" -> "Renewable energy";
			case "医疗器械" -> "Medical devices";
			default -> "Education";
		};
	}

	/** Someone working in a company of the given country (now and then of another origin). */
	Person person(Country country) {
		int roll = random.nextInt(10);
		if (country == Country.CN ? roll < 9 : roll == 0) {
			String family = pick(CN_FAMILY);
			String given = random.nextInt(3) == 0 ? pick(CN_GIVEN_CHARS) : pick(CN_GIVEN_CHARS) + pick(CN_GIVEN_CHARS);
			String givenPinyin = joinedPinyin(given);
			String familyPinyin = joinedPinyin(family);
			if (country != Country.CN) {
				// abroad, Chinese names are mostly written in pinyin, given name first
				return new Person(capitalise(givenPinyin), capitalise(familyPinyin), givenPinyin + "." + familyPinyin);
			}
			return new Person(given, family, givenPinyin + "." + familyPinyin);
		}
		boolean german = country == Country.DE ? roll < 8 : roll == 1;
		String first = german ? pick(DE_FIRST) : pick(EN_FIRST);
		String last = german ? pick(DE_LAST) : pick(EN_LAST);
		return new Person(first, last, ascii(first) + "." + ascii(last));
	}

	String title(Country country) {
		return country == Country.CN ? pick(CN_TITLES) : pick(EN_TITLES);
	}

	String mobile(Country country) {
		return switch (country) {
			case CN -> "+86 1" + pick(List.of("38", "39", "58", "86", "37", "88", "35", "36", "50", "51")) + " " + digits(4)
					+ " " + digits(4);
			case GB -> "+44 7" + (1 + random.nextInt(9)) + digits(2) + " " + digits(6);
			case US -> "+1 (" + (2 + random.nextInt(8)) + digits(2) + ") " + (2 + random.nextInt(8)) + digits(2) + "-"
					+ digits(4);
			case DE -> "+49 15" + pick(List.of("1", "2", "7", "9")) + " " + digits(8);
		};
	}

	String landline(Country country) {
		return switch (country) {
			case CN -> "+86 " + pick(List.of("21", "10", "571", "755", "512", "25", "28", "27", "20", "22")) + " "
					+ (2 + random.nextInt(7)) + digits(3) + " " + digits(4);
			case GB -> "+44 " + pick(List.of("20 7", "20 8", "161 ", "113 ", "117 ", "131 ")) + digits(3) + " " + digits(4);
			case US -> "+1 " + (2 + random.nextInt(8)) + digits(2) + "-" + (2 + random.nextInt(8)) + digits(2) + "-"
					+ digits(4);
			case DE -> "+49 " + pick(List.of("30", "40", "89", "221", "69", "711")) + " " + digits(7);
		};
	}

	String digits(int n) {
		char[] c = new char[n];
		for (int i = 0; i < n; i++) {
			c[i] = (char) ('0' + random.nextInt(10));
		}
		return new String(c);
	}

	List<String> tags() {
		int n = random.nextInt(10);
		if (n < 6) {
			return List.of();
		}
		List<String> tags = new ArrayList<>(2);
		tags.add(pick(TAGS));
		if (n == 9) {
			String second = pick(TAGS);
			if (!second.equals(tags.get(0))) {
				tags.add(second);
			}
		}
		return tags;
	}

	static String joinedPinyin(String chinese) {
		String pinyin = SearchText.pinyin(chinese);
		return pinyin.substring(pinyin.lastIndexOf(' ') + 1);
	}

	static String ascii(String text) {
		String folded = Normalizer.normalize(text, Normalizer.Form.NFKD).replaceAll("\\p{M}+", "");
		return folded.toLowerCase(Locale.ROOT).replace("ß", "ss").replaceAll("[^a-z0-9]", "");
	}

	private static String slug(String text) {
		return ascii(text.replace("&", "and"));
	}

	private static String capitalise(String word) {
		return word.isEmpty() ? word : Character.toUpperCase(word.charAt(0)) + word.substring(1);
	}

}
