package io.waybill.core.model;

/**
 * A supervisor's authority to ship packages whose weighing failed: the supervisor's own credentials and a reason.
 * The core checks it (role supervisor or admin, reason required) in one place for the scan station's override and
 * batch delivery. The caller clears the password after use.
 *
 * @param user     the supervisor's user name
 * @param password the supervisor's password
 * @param reason   why the packages may ship (at most 500 characters), audited
 */
public record SupervisorApproval(String user, char[] password, String reason) {
}
