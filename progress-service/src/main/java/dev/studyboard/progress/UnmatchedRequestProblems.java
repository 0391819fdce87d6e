package dev.studyboard.progress;

import dev.studyboard.web.InvalidRequestProblems;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * Problem details for requests that reach no feature's controller: a path nothing serves, a method it does not
 * allow. Each feature's own advice answers for its controllers only; this one gives the same shared answers
 * ({@link InvalidRequestProblems}) and nothing more, so it does not matter which of them Spring asks first.
 */
@RestControllerAdvice
class UnmatchedRequestProblems extends InvalidRequestProblems {}
