package io.waybill.core.internal.db;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;

import javax.sql.DataSource;
import java.util.function.Consumer;
import java.util.function.Function;

/** The core's persistence entry point: one EntityManagerFactory over a pooled, migrated DataSource. */
public interface Database {

    EntityManagerFactory emf();

    DataSource dataSource();

    /** Product name of the connected database, e.g. "Apache Derby". */
    String productName();

    /** Runs work in one resource-local transaction; commits on return, rolls back on any exception. */
    default <T> T inTransaction(Function<EntityManager, T> work) {
        EntityManager em = emf().createEntityManager();
        try {
            em.getTransaction().begin();
            T result = work.apply(em);
            em.getTransaction().commit();
            return result;
        } catch (RuntimeException e) {
            if (em.getTransaction().isActive()) {
                em.getTransaction().rollback();
            }
            throw e;
        } finally {
            em.close();
        }
    }

    default void inTransactionVoid(Consumer<EntityManager> work) {
        inTransaction(em -> {
            work.accept(em);
            return null;
        });
    }

    /** Runs a read-only query with a fresh EntityManager (no transaction). */
    default <T> T read(Function<EntityManager, T> query) {
        EntityManager em = emf().createEntityManager();
        try {
            return query.apply(em);
        } finally {
            em.close();
        }
    }
}
