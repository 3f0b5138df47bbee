package org.rapport.data.internal.matching;

import java.util.HashMap;
import java.util.Map;

/**
 * A small table of English given-name diminutives and their formal name (Bill → William), so that
 * "Bill Gates" and "William Gates" compare as the same given name. Kept short on purpose: only the
 * common forms whose string similarity is too low to be caught by Jaro-Winkler (Bob/Robert, Peggy/Margaret);
 * pairs that are already close (Dan/Daniel) need no entry. Source: common usage, see docs/data.md.
 */
final class Nicknames {

	private static final Map<String, String> FORMAL = new HashMap<>();

	static {
		formal("william", "bill", "billy", "will", "willy", "liam");
		formal("robert", "bob", "bobby", "rob", "robbie", "bert");
		formal("richard", "dick", "rick", "ricky", "rich", "richie");
		formal("margaret", "peggy", "maggie", "meg", "marge", "madge", "greta", "rita");
		formal("elizabeth", "liz", "lizzie", "beth", "betty", "bess", "eliza", "libby", "elsie");
		formal("katherine", "kate", "katie", "kathy", "kitty", "cathy", "catherine", "kathryn", "kat");
		formal("james", "jim", "jimmy", "jamie");
		formal("john", "jack", "johnny", "jon");
		formal("charles", "charlie", "chuck", "chas");
		formal("edward", "ed", "eddie", "ted", "teddy", "ned");
		formal("henry", "harry", "hank", "hal");
		formal("anthony", "tony");
		formal("andrew", "andy", "drew");
		formal("alexander", "alex", "sandy", "xander");
		formal("christopher", "chris", "kit");
		formal("michael", "mike", "mick", "mickey");
		formal("joseph", "joe", "joey");
		formal("thomas", "tom", "tommy");
		formal("nicholas", "nick", "nicky");
		formal("patrick", "pat", "paddy");
		formal("stephen", "steve", "steven", "stevie");
		formal("lawrence", "larry", "laurie");
		formal("frederick", "fred", "freddie");
		formal("benjamin", "ben", "benny");
		formal("samuel", "sam", "sammy");
		formal("daniel", "dan", "danny");
		formal("david", "dave", "davy");
		formal("matthew", "matt");
		formal("jonathan", "jon", "jonny");
		formal("timothy", "tim", "timmy");
		formal("theodore", "theo");
		formal("gregory", "greg");
		formal("jennifer", "jenny", "jen");
		formal("rebecca", "becky", "becca");
		formal("susan", "sue", "suzy", "susie");
		formal("deborah", "debbie", "deb");
		formal("patricia", "patty", "trish", "tricia");
		formal("victoria", "vicky", "tori");
		formal("dorothy", "dot", "dolly", "dottie");
		formal("mary", "molly", "polly", "mae");
		formal("sarah", "sally", "sadie");
		formal("abigail", "abby", "gail");
		formal("alexandra", "alex", "lexi", "sandra");
		formal("christine", "chris", "chrissy", "tina", "christina");
		formal("jacqueline", "jackie");
		formal("josephine", "jo", "josie");
		formal("samantha", "sam", "sammie");
		formal("eleanor", "ellie", "nell", "nora");
		formal("isabella", "bella", "izzy", "isabel", "isabelle");
	}

	private Nicknames() {
	}

	private static void formal(String formal, String... nicknames) {
		FORMAL.putIfAbsent(formal, formal);
		for (String nickname : nicknames) {
			FORMAL.putIfAbsent(nickname, formal);
		}
	}

	/** The formal name for a (normalised) given name, or the name itself when it has none. */
	static String formal(String givenName) {
		return FORMAL.getOrDefault(givenName, givenName);
	}

	/** Whether two different spellings are the same name by the table. */
	static boolean same(String a, String b) {
		return !a.isEmpty() && formal(a).equals(formal(b));
	}

}
