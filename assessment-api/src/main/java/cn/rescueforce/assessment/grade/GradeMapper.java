package cn.rescueforce.assessment.grade;

import cn.rescueforce.assessment.api.model.ExpiringGrade;
import cn.rescueforce.assessment.api.model.Grade;
import cn.rescueforce.assessment.api.model.TeamCategory;
import cn.rescueforce.assessment.client.teams.model.Team;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/** Grades as teams-api reports them on its teams, turned into this service's API models. */
@ApplicationScoped
public class GradeMapper {

    public ExpiringGrade expiring(Team team, LocalDate today) {
        return new ExpiringGrade()
                .teamId(team.getId()).teamCode(team.getCode()).teamName(team.getName())
                .category(TeamCategory.valueOf(team.getCategory().name())).province(team.getProvince())
                .grade(Grade.valueOf(team.getGrade().name())).gradeValidUntil(team.getGradeValidUntil())
                .daysLeft((int) ChronoUnit.DAYS.between(today, team.getGradeValidUntil()));
    }
}
