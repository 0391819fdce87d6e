package dev.studyboard.progress.report.adapter.in.web;

import dev.studyboard.web.InvalidRequestProblems;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * The errors of the report API as RFC 9457 problem details: it has only invalid input, answered as every service
 * answers it (400, {@code errors} naming {@code from} or {@code to} and the reason).
 */
@RestControllerAdvice(assignableTypes = WeeklyReportController.class)
class ReportProblemHandler extends InvalidRequestProblems {}
