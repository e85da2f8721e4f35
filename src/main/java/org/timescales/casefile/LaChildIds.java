package org.timescales.casefile;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.regex.Pattern;

/**
 * The LA child identifier the CIN census carries: letters and digits only, at most 20 (DfE rules
 * 1580, 1570). Assigned once per child and kept, so a child has the same one every year.
 */
public final class LaChildIds {

	public static final int MAX_LENGTH = 20;

	private static final Pattern VALID = Pattern.compile("[A-Za-z0-9]{1," + MAX_LENGTH + "}");

	private LaChildIds() {
	}

	public static boolean isValid(String laChildId) {
		return laChildId != null && VALID.matcher(laChildId).matches();
	}

	/** The case reference without what is not a letter or digit (GY-686848-1-1 → GY68684811), if it fits. */
	static String fromCaseRef(String caseRef) {
		String stripped = caseRef.replaceAll("[^A-Za-z0-9]", "");
		return isValid(stripped) ? stripped : null;
	}

	/** When the case reference does not give one, or another child has it: X and 19 of a digest's base-36 digits. */
	static String digest(String caseRef, int attempt) {
		try {
			byte[] hash = MessageDigest.getInstance("SHA-256")
				.digest((caseRef + "#" + attempt).getBytes(StandardCharsets.UTF_8));
			String digits = new java.math.BigInteger(1, hash).toString(36).toUpperCase();
			return "X" + digits.substring(0, MAX_LENGTH - 1);
		}
		catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException(e);
		}
	}

}
