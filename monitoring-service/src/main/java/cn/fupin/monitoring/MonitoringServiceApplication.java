package cn.fupin.monitoring;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** monitoring-service: owns monitoring objects (脱贫不稳定户, 边缘易致贫户), risks, assistance and risk elimination. */
@SpringBootApplication
public class MonitoringServiceApplication {

    public static void main(String[] args) {
        SpringApplication.run(MonitoringServiceApplication.class, args);
    }
}
