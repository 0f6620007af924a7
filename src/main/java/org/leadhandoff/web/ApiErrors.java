package org.leadhandoff.web;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import jakarta.validation.ConstraintViolationException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;
import org.leadhandoff.lead.LeadNotFoundException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Every error of the API is an RFC 9457 problem whose {@code detail} is a sentence, and whose
 * {@code errors} name each bad field and say what is expected. Client mistakes are 4xx, never 5xx.
 */
@RestControllerAdvice(basePackages = "org.leadhandoff")
public class ApiErrors extends ResponseEntityExceptionHandler {

  /** One bad field: its JSON path (or CSV column), and what is expected. */
  public record FieldError(String field, String message) {}

  public static ProblemDetail problem(
      HttpStatusCode status, String title, String detail, List<FieldError> errors) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
    problem.setTitle(title);
    if (errors != null && !errors.isEmpty()) {
      problem.setProperty("errors", errors);
    }
    return problem;
  }

  /**
   * Writes a problem straight to the response, for filters that answer before any controller (the
   * body limit, sign-in, rate limits).
   */
  public static void write(
      jakarta.servlet.http.HttpServletResponse response,
      com.fasterxml.jackson.databind.ObjectMapper json,
      HttpStatus status,
      String title,
      String detail)
      throws java.io.IOException {
    response.setStatus(status.value());
    response.setContentType(org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON_VALUE);
    json.writeValue(response.getOutputStream(), problem(status, title, detail, null));
  }

  public static ProblemDetail invalid(List<FieldError> errors) {
    String detail =
        errors.stream().map(e -> e.field() + ": " + e.message()).collect(Collectors.joining("; "));
    return problem(HttpStatus.BAD_REQUEST, "Invalid request", detail, errors);
  }

  @Override
  protected ResponseEntity<Object> handleMethodArgumentNotValid(
      MethodArgumentNotValidException ex,
      HttpHeaders headers,
      HttpStatusCode status,
      WebRequest request) {
    List<FieldError> errors = new ArrayList<>();
    ex.getBindingResult()
        .getFieldErrors()
        .forEach(e -> errors.add(new FieldError(e.getField(), e.getDefaultMessage())));
    ex.getBindingResult()
        .getGlobalErrors()
        .forEach(e -> errors.add(new FieldError(e.getObjectName(), e.getDefaultMessage())));
    errors.sort(Comparator.comparing(FieldError::field));
    return ResponseEntity.badRequest().body(invalid(errors));
  }

  @Override
  protected ResponseEntity<Object> handleHandlerMethodValidationException(
      HandlerMethodValidationException ex,
      HttpHeaders headers,
      HttpStatusCode status,
      WebRequest request) {
    List<FieldError> errors = new ArrayList<>();
    ex.getParameterValidationResults()
        .forEach(
            result ->
                result
                    .getResolvableErrors()
                    .forEach(
                        e ->
                            errors.add(
                                new FieldError(
                                    result.getMethodParameter().getParameterName(),
                                    e.getDefaultMessage()))));
    return ResponseEntity.badRequest().body(invalid(errors));
  }

  @Override
  protected ResponseEntity<Object> handleHttpMessageNotReadable(
      HttpMessageNotReadableException ex,
      HttpHeaders headers,
      HttpStatusCode status,
      WebRequest request) {
    if (org.leadhandoff.system.Causes.any(ex, BodyTooLargeException.class::isInstance)) {
      // A chunked body has no length to refuse up front: it is refused where the parser stopped.
      return ResponseEntity.status(HttpStatus.PAYLOAD_TOO_LARGE)
          .body(
              problem(
                  HttpStatus.PAYLOAD_TOO_LARGE,
                  "Request too large",
                  ex.getMostSpecificCause().getMessage() + ".",
                  null));
    }
    Throwable cause = ex.getCause();
    FieldError error;
    if (cause instanceof UnrecognizedPropertyException unknown) {
      error =
          new FieldError(
              path(unknown),
              "is not a field of this request; expected one of "
                  + unknown.getKnownPropertyIds().stream()
                      .map(String::valueOf)
                      .sorted()
                      .collect(Collectors.joining(", ")));
    } else if (cause instanceof InvalidFormatException format) {
      error =
          new FieldError(
              path(format),
              "expected " + expected(format.getTargetType()) + ", got '" + format.getValue() + "'");
    } else if (cause instanceof MismatchedInputException mismatch
        && !mismatch.getPath().isEmpty()) {
      error = new FieldError(path(mismatch), "expected " + expected(mismatch.getTargetType()));
    } else if (cause instanceof MismatchedInputException whole && whole.getPath().isEmpty()) {
      error = new FieldError("body", "expected " + expected(whole.getTargetType()));
    } else if (cause instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
      // Jackson's own sentence names Java types and methods: not for callers.
      error = new FieldError(path(mapping), "has a value of the wrong kind for this field");
    } else if (cause == null) {
      // No body at all (Spring's own sentence names the Java method that wanted one).
      error = new FieldError("body", "is required: a JSON object");
    } else {
      error =
          new FieldError(
              "body", "is not valid JSON: " + cause.getMessage().lines().findFirst().orElse(""));
    }
    return ResponseEntity.badRequest().body(invalid(List.of(error)));
  }

  @Override
  protected ResponseEntity<Object> handleMaxUploadSizeExceededException(
      MaxUploadSizeExceededException ex,
      HttpHeaders headers,
      HttpStatusCode status,
      WebRequest request) {
    return ResponseEntity.status(HttpStatus.PAYLOAD_TOO_LARGE)
        .body(
            problem(
                HttpStatus.PAYLOAD_TOO_LARGE,
                "File too large",
                "The uploaded file is larger than the limit of "
                    + ex.getMaxUploadSize()
                    + " bytes.",
                null));
  }

  @ExceptionHandler(MethodArgumentTypeMismatchException.class)
  ResponseEntity<ProblemDetail> typeMismatch(MethodArgumentTypeMismatchException ex) {
    String expected =
        ex.getRequiredType() == null ? "another value" : expected(ex.getRequiredType());
    return ResponseEntity.badRequest()
        .body(
            invalid(
                List.of(
                    new FieldError(
                        ex.getName(), "expected " + expected + ", got '" + ex.getValue() + "'"))));
  }

  @ExceptionHandler(ConstraintViolationException.class)
  ResponseEntity<ProblemDetail> constraintViolation(ConstraintViolationException ex) {
    List<FieldError> errors =
        ex.getConstraintViolations().stream()
            .map(v -> new FieldError(leaf(v.getPropertyPath().toString()), v.getMessage()))
            .sorted(Comparator.comparing(FieldError::field))
            .toList();
    return ResponseEntity.badRequest().body(invalid(errors));
  }

  @ExceptionHandler(InvalidFieldException.class)
  ResponseEntity<ProblemDetail> invalidField(InvalidFieldException ex) {
    return ResponseEntity.badRequest()
        .body(invalid(List.of(new FieldError(ex.field(), ex.getMessage()))));
  }

  @ExceptionHandler(LeadNotFoundException.class)
  ResponseEntity<ProblemDetail> notFound(LeadNotFoundException ex) {
    return ResponseEntity.status(HttpStatus.NOT_FOUND)
        .body(problem(HttpStatus.NOT_FOUND, "Unknown lead", ex.getMessage() + ".", null));
  }

  /**
   * The lead store cannot be reached: the request did nothing (its transaction never began or was
   * rolled back), so the caller may simply send it again.
   */
  @ExceptionHandler({
    org.springframework.transaction.CannotCreateTransactionException.class,
    org.springframework.dao.DataAccessResourceFailureException.class,
    org.springframework.dao.TransientDataAccessException.class
  })
  ResponseEntity<ProblemDetail> storeUnavailable(RuntimeException ex) {
    return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
        .header(HttpHeaders.RETRY_AFTER, "5")
        .body(
            problem(
                HttpStatus.SERVICE_UNAVAILABLE,
                "Lead store unavailable",
                "The lead store cannot be reached just now; nothing was stored. Send the request"
                    + " again in a few seconds.",
                null));
  }

  @ExceptionHandler(ApiException.class)
  ResponseEntity<ProblemDetail> api(ApiException ex) {
    return ResponseEntity.status(ex.status())
        .body(problem(ex.status(), ex.title(), ex.getMessage(), ex.errors()));
  }

  private static String path(JsonMappingException e) {
    StringBuilder path = new StringBuilder();
    for (JsonMappingException.Reference ref : e.getPath()) {
      if (ref.getFieldName() != null) {
        if (!path.isEmpty()) {
          path.append('.');
        }
        path.append(ref.getFieldName());
      } else if (ref.getIndex() >= 0) {
        path.append('[').append(ref.getIndex()).append(']');
      }
    }
    return path.isEmpty() ? "body" : path.toString();
  }

  private static String leaf(String propertyPath) {
    int dot = propertyPath.lastIndexOf('.');
    return dot < 0 ? propertyPath : propertyPath.substring(dot + 1);
  }

  static String expected(Class<?> type) {
    if (type == null) {
      return "another value";
    }
    if (type == Integer.class || type == int.class || type == Long.class || type == long.class) {
      return "a whole number";
    }
    if (type == Boolean.class || type == boolean.class) {
      return "true or false";
    }
    if (type == java.time.Instant.class || type == java.time.OffsetDateTime.class) {
      return "a date and time in ISO-8601, like 2026-11-22T09:30:00Z";
    }
    if (type == java.time.LocalDate.class) {
      return "a date in ISO-8601, like 2026-11-22";
    }
    if (type == java.util.UUID.class) {
      return "a UUID, like 3f2b6c1e-8d4a-4f0e-9c3b-2a1d5e6f7a8b";
    }
    if (type.isEnum()) {
      return "one of "
          + java.util.Arrays.stream(type.getEnumConstants())
              .map(String::valueOf)
              .collect(Collectors.joining(", "));
    }
    if (java.util.Map.class.isAssignableFrom(type)) {
      return "an object of text values";
    }
    if (type == String.class) {
      return "text";
    }
    if (java.util.Collection.class.isAssignableFrom(type) || type.isArray()) {
      return "a list";
    }
    // Never a Java class name: a request body or an object field expects a JSON object.
    return "an object";
  }
}
