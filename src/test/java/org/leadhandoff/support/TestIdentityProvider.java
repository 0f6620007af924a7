package org.leadhandoff.support;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;

/**
 * Stands in for a company's identity provider (outside the system): a key pair made for the test
 * run, a decoder that trusts it, as spring.security.oauth2.resourceserver.jwt.* would give, and
 * tokens signed with it. The private key never leaves memory.
 */
@TestConfiguration(proxyBeanMethods = false)
public class TestIdentityProvider {

  private static final KeyPair KEYS = generate();

  @Bean
  JwtDecoder jwtDecoder() {
    return NimbusJwtDecoder.withPublicKey((RSAPublicKey) KEYS.getPublic()).build();
  }

  /** An access token for the user with these roles, as the provider would issue it. */
  public static String token(String username, List<String> roles, Duration validFor) {
    RSAKey key =
        new RSAKey.Builder((RSAPublicKey) KEYS.getPublic())
            .privateKey((RSAPrivateKey) KEYS.getPrivate())
            .build();
    var encoder = new NimbusJwtEncoder(new ImmutableJWKSet<>(new JWKSet(key)));
    Instant now = Instant.now();
    JwtClaimsSet claims =
        JwtClaimsSet.builder()
            .issuer("https://idp.example")
            .subject("subject-" + username)
            .claim("preferred_username", username)
            .claim("roles", roles)
            .issuedAt(now.plus(validFor).minus(Duration.ofMinutes(10)))
            .expiresAt(now.plus(validFor))
            .build();
    return encoder
        .encode(JwtEncoderParameters.from(JwsHeader.with(SignatureAlgorithm.RS256).build(), claims))
        .getTokenValue();
  }

  private static KeyPair generate() {
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
      generator.initialize(2048);
      return generator.generateKeyPair();
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
