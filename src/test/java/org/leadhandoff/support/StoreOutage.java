package org.leadhandoff.support;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import javax.sql.DataSource;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.datasource.DelegatingDataSource;

/**
 * Lets a test take the lead store away for a while, as a database restart or a network cut would:
 * every connection asked for while it is down is refused, as by a database that does not answer.
 * Everything else is the real database.
 */
@TestConfiguration(proxyBeanMethods = false)
public class StoreOutage {

  /** The switch; a static because the data source is made before any test can hold a bean. */
  private static volatile boolean down;

  public static void begin() {
    down = true;
  }

  public static void end() {
    down = false;
  }

  @Bean
  static BeanPostProcessor outageSwitch() {
    return new BeanPostProcessor() {
      @Override
      public Object postProcessAfterInitialization(Object bean, String name) {
        return bean instanceof DataSource dataSource && !(bean instanceof Switchable)
            ? new Switchable(dataSource)
            : bean;
      }
    };
  }

  static final class Switchable extends DelegatingDataSource {
    Switchable(DataSource target) {
      super(target);
    }

    @Override
    public Connection getConnection() throws SQLException {
      refuseIfDown();
      return super.getConnection();
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
      refuseIfDown();
      return super.getConnection(username, password);
    }

    private static void refuseIfDown() throws SQLTransientConnectionException {
      if (down) {
        throw new SQLTransientConnectionException(
            "Connection refused: the lead store is down (test outage)", "08001");
      }
    }
  }
}
