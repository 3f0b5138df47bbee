package org.rapport.platform;

import java.util.List;
import java.util.stream.Collectors;

import org.springframework.http.HttpStatus;

/** The input has one or more bad fields; every one is named. */
public class InvalidInput extends RapportException {

	private final List<FieldProblem> problems;

	public InvalidInput(List<FieldProblem> problems) {
		super(HttpStatus.BAD_REQUEST, "invalid-input",
				"Invalid input: " + problems.stream().map(FieldProblem::field).collect(Collectors.joining(", ")));
		this.problems = List.copyOf(problems);
	}

	public static InvalidInput of(String field, String code, String message) {
		return new InvalidInput(List.of(new FieldProblem(field, code, message)));
	}

	/** The first problem of each field, in order: checks made in two stages may find the same field twice. */
	public static List<FieldProblem> oncePerField(List<FieldProblem> problems) {
		java.util.Set<String> seen = new java.util.HashSet<>();
		return problems.stream().filter(p -> seen.add(p.field())).toList();
	}

	@Override
	public List<FieldProblem> fieldProblems() {
		return problems;
	}

}
