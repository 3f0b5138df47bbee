package org.rapport.platform;

import java.math.BigDecimal;

import org.junit.jupiter.api.Test;
import org.rapport.platform.web.Csv;

import static org.assertj.core.api.Assertions.assertThat;

class CsvUnitTests {

	@Test
	void quotesWhatNeedsQuotingAndNeutralisesFormulas() {
		String csv = new Csv().row("a,b", "say \"hi\"", "=SUM(A1)", "+1", "-2", "@x", null, new BigDecimal("-12.50"), 3)
			.toString();
		assertThat(csv).isEqualTo("\"a,b\",\"say \"\"hi\"\"\",'=SUM(A1),'+1,'-2,'@x,,-12.50,3\r\n");
	}

}
